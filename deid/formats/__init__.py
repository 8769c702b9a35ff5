"""File formats: one small module per format (DESIGN.md section 7)."""
