"""Regional security-news dashboard: pipeline, store and Streamlit app."""

__version__ = "0.1.0"
