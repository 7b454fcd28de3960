"""Facts about the .docx form shared by the renderer and the checker (which must not
import each other): the element style names and Times New Roman text widths."""
