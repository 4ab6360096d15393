"""Texts of the board pack on a big workspace (issue 16)."""

TEXTS: dict[str, dict[str, str]] = {
    "board.network.picture_cut": {
        "da": "Billedet viser de {shown} {shown:organisation|organisationer}, der er tættest på biblioteket, af i alt {total}: "
        "partnerne først, derefter dem med flest forbindelser.",
        "en": "The picture shows the {shown} {shown:organisation|organisations} closest to the library, of {total} in all: the "
        "partners first, then those with the most ties.",
    },
}
