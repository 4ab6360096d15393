"""Messages about reading an uploaded file (``lib.ingest.safe_read``): refusals and notices.

Written for library staff, not for IT people: say what is wrong with the file in plain words and
what to do about it in Excel. Refusals are ``read.*``; things worth knowing about a file that was
read are ``read.notice.*``.
"""

TEXTS = {
    # Refusals (lib.core.errors.FileRefused)
    "read.unsupported_extension": {
        "da": (
            "Filer af typen .{extension} kan ikke importeres. Brug en Excel-fil (.xlsx, .xlsm eller .xls) "
            "eller en CSV-fil (.csv eller .txt)."
        ),
        "en": (
            "Files of type .{extension} cannot be imported. Use an Excel file (.xlsx, .xlsm or .xls) "
            "or a CSV file (.csv or .txt)."
        ),
    },
    "read.too_large": {
        "da": (
            "Filen er for stor ({size_mb} MB). Den største fil, der kan importeres, er {limit_mb} MB. "
            "Del filen op i mindre filer, eller slet de ark og kolonner, der ikke skal bruges."
        ),
        "en": (
            "The file is too large ({size_mb} MB). The largest file that can be imported is {limit_mb} MB. "
            "Split it into smaller files, or delete the sheets and columns you do not need."
        ),
    },
    "read.too_much_data": {
        "da": (
            "Regnearket indeholder for meget data til at blive importeret på én gang "
            "(ca. {size_mb} MB, når filen er pakket ud; grænsen er {limit_mb} MB). "
            "Del det op i flere filer, eller slet de ark og kolonner, der ikke skal bruges."
        ),
        "en": (
            "The workbook holds too much data to import in one go "
            "(about {size_mb} MB unpacked; the limit is {limit_mb} MB). "
            "Split it into several files, or delete the sheets and columns you do not need."
        ),
    },
    "read.empty": {
        "da": "Filen er tom. Kontrollér, at du har valgt den rigtige fil, og at den er gemt med indhold.",
        "en": ("The file is empty. Check that you picked the right file and that it was saved with its contents."),
    },
    "read.no_sheets": {
        "da": (
            "Projektmappen indeholder ingen almindelige regneark (kun fx diagramark). "
            "Kopiér dataene over i et almindeligt ark, gem filen, og prøv igen."
        ),
        "en": (
            "The workbook has no ordinary worksheets (only chart sheets, for example). "
            "Copy the data into an ordinary sheet, save the file and try again."
        ),
    },
    "read.not_spreadsheet": {
        "da": (
            "Filen ser ikke ud til at være et regneark. Åbn den i Excel, gem den som Excel-projektmappe "
            "(.xlsx) eller som CSV, og prøv igen."
        ),
        "en": (
            "This file does not look like a spreadsheet. Open it in Excel, save it as an Excel workbook "
            "(.xlsx) or as CSV, and try again."
        ),
    },
    "read.password_protected": {
        "da": (
            "Filen er beskyttet med en adgangskode og kan derfor ikke læses. Åbn den i Excel, fjern "
            "adgangskoden (Filer › Oplysninger › Beskyt projektmappe › Krypter med adgangskode, og slet "
            "koden), gem filen, og prøv igen."
        ),
        "en": (
            "The file is protected with a password, so it cannot be read. Open it in Excel, remove the "
            "password (File › Info › Protect Workbook › Encrypt with Password, and clear it), save the "
            "file and try again."
        ),
    },
    "read.html_as_excel": {
        "da": (
            "Filen har et Excel-navn, men er i virkeligheden en webside (HTML) – det sker ofte med "
            "udtræk fra andre systemer. Åbn den i Excel, vælg Gem som, og gem den som Excel-projektmappe "
            "(.xlsx). Importér derefter den nye fil."
        ),
        "en": (
            "The file has an Excel name but is really a web page (HTML), which often happens with exports "
            "from other systems. Open it in Excel, choose Save As, save it as an Excel workbook (.xlsx), "
            "and import the new file."
        ),
    },
    "read.xml_spreadsheet": {
        "da": (
            "Filen er et ældre XML-regneark (Excel 2003 XML), som ikke kan importeres direkte. Åbn den i "
            "Excel, vælg Gem som, og gem den som Excel-projektmappe (.xlsx). Importér derefter den nye fil."
        ),
        "en": (
            "The file is an old XML spreadsheet (Excel 2003 XML), which cannot be imported directly. Open it "
            "in Excel, choose Save As, save it as an Excel workbook (.xlsx), and import the new file."
        ),
    },
    "read.xlsb_not_supported": {
        "da": (
            "Filen er gemt som binær Excel-projektmappe (.xlsb), som ikke kan importeres. Åbn den i Excel, "
            "vælg Gem som, og gem den som Excel-projektmappe (.xlsx)."
        ),
        "en": (
            "The file is saved as an Excel binary workbook (.xlsb), which cannot be imported. Open it in "
            "Excel, choose Save As, and save it as an Excel workbook (.xlsx)."
        ),
    },
    "read.ods_not_supported": {
        "da": (
            "Filen er et OpenDocument-regneark (.ods), som ikke kan importeres direkte. Åbn den i "
            "LibreOffice eller Excel, og gem den som Excel-projektmappe (.xlsx)."
        ),
        "en": (
            "The file is an OpenDocument spreadsheet (.ods), which cannot be imported directly. Open it in "
            "LibreOffice or Excel and save it as an Excel workbook (.xlsx)."
        ),
    },
    "read.damaged": {
        "da": (
            "Filen er beskadiget eller ufuldstændig og kan ikke læses – det sker fx, hvis den ikke blev "
            "hentet eller kopieret helt. Hent eller gem filen igen, eller åbn den i Excel og gem en ny kopi."
        ),
        "en": (
            "The file is damaged or incomplete and cannot be read, which happens for example when it was "
            "not downloaded or copied completely. Download or save it again, or open it in Excel and save "
            "a new copy."
        ),
    },
    "read.zip_bomb": {
        "da": (
            "Filen er pakket på en usædvanlig måde og ville fylde meget mere, når den pakkes ud. Den er "
            "afvist af sikkerhedshensyn. Hvis du stoler på filen, så åbn den i Excel, gem en ny kopi, og "
            "prøv igen."
        ),
        "en": (
            "The file is packed in an unusual way and would grow far larger when unpacked, so it was refused "
            "for safety. If you trust the file, open it in Excel, save a new copy and try again."
        ),
    },
    "read.xml_entities": {
        "da": (
            "Filen indeholder tekniske konstruktioner (XML-erklæringer), som almindelige Excel-filer ikke "
            "bruger, og som kan misbruges. Den er afvist af sikkerhedshensyn. Åbn filen i Excel, gem en ny "
            "kopi som .xlsx, og prøv igen."
        ),
        "en": (
            "The file contains technical constructs (XML declarations) that ordinary Excel files do not use "
            "and that can be abused, so it was refused for safety. Open it in Excel, save a new copy as "
            ".xlsx and try again."
        ),
    },
    "read.timeout": {
        "da": (
            "Det tog for lang tid at læse filen (mere end {seconds} {seconds:sekund|sekunder}), så læsningen blev stoppet. "
            "Prøv med en mindre fil, eller del regnearket op i flere filer."
        ),
        "en": (
            "Reading the file took too long (more than {seconds} {seconds:second|seconds}), so it was stopped. "
            "Try a smaller file, or split the spreadsheet into several files."
        ),
    },
    "read.crashed": {
        "da": (
            "Filen kunne ikke læses sikkert. Den er måske beskadiget eller for stor. Åbn den i Excel, gem "
            "en ny kopi, og prøv igen – eller del den op i mindre filer."
        ),
        "en": (
            "The file could not be read safely. It may be damaged or too large. Open it in Excel, save a new "
            "copy and try again, or split it into smaller files."
        ),
    },
    # Notices: the file was read, but the user should know this
    "read.notice.macros_ignored": {
        "da": "Filen indeholder makroer. De er ikke blevet kørt – kun værdierne i cellerne er læst.",
        "en": "The file contains macros. They were not run; only the values in the cells were read.",
    },
    "read.notice.read_as_csv": {
        "da": "Filen hedder .{extension}, men er i virkeligheden en tekstfil (CSV). Den er læst som CSV.",
        "en": "The file is named .{extension} but is really a text file (CSV). It was read as CSV.",
    },
    "read.notice.read_as_xls": {
        "da": ("Filen hedder .{extension}, men er i virkeligheden en ældre Excel-fil (.xls). Den er læst som .xls."),
        "en": "The file is named .{extension} but is really an older Excel file (.xls). It was read as .xls.",
    },
    "read.notice.read_as_xlsx": {
        "da": (
            "Filen hedder .{extension}, men er i virkeligheden en Excel-projektmappe (.xlsx). Den er læst som .xlsx."
        ),
        "en": "The file is named .{extension} but is really an Excel workbook (.xlsx). It was read as .xlsx.",
    },
    "read.notice.rows_capped": {
        "da": (
            "Arket »{sheet}« har {total} {total:række|rækker}. Kun de første {kept} er læst. "
            "Del filen op, hvis resten også skal importeres."
        ),
        "en": (
            "The sheet “{sheet}” has {total} {total:row|rows}. Only the first {kept} were read. "
            "Split the file if the rest should be imported too."
        ),
    },
    "read.notice.columns_capped": {
        "da": "Arket »{sheet}« har {total} {total:kolonne|kolonner}. Kun de første {kept} er læst.",
        "en": "The sheet “{sheet}” has {total} {total:column|columns}. Only the first {kept} were read.",
    },
    "read.notice.formulas_without_values": {
        "da": (
            "Arket »{sheet}« har {count} {count:celle|celler} med formler, hvor resultatet ikke er gemt i filen (typisk "
            "fordi filen er lavet af et andet program end Excel). De celler står tomme. Åbn filen i Excel, "
            "gem den, og importér den igen, hvis du skal bruge værdierne."
        ),
        "en": (
            "The sheet “{sheet}” has {count} formula cells whose result is not saved in the file (usually "
            "because another program than Excel made it). Those cells are empty. Open the file in Excel, "
            "save it and import it again if you need the values."
        ),
    },
    "read.notice.encoding": {
        "da": (
            "Tekstfilen er ikke gemt som UTF-8 og er derfor læst som {encoding}. Kontrollér, at æ, ø og å "
            "ser rigtige ud i forhåndsvisningen."
        ),
        "en": (
            "The text file is not saved as UTF-8, so it was read as {encoding}. Check that letters such as "
            "æ, ø and å look right in the preview."
        ),
    },
}
