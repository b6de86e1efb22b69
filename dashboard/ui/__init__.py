"""The Streamlit user interface: widgets and views here, figures and HTML from pure builders."""
