"""The local HTTP service (`deid serve`) and its review page."""
