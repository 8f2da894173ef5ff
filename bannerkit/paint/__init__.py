"""Stage 4: turn a Scene into pixels (Pillow) or vector PDF (WeasyPrint), the same geometry both ways."""
