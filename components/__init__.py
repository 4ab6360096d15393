"""Small Streamlit pieces shared by the pages. Logic stays in ``lib``."""
