"""Layout as data: the element registry and the slots each document family fills.

``elements``: every element of the anatomy once, by key, with its Vietnamese name, the
profile path of its style and the Word style name that marks it in our files.
``spec``: the ordered elements of each slot of a family's layout, read from the profile's
``layouts:`` section; the template builder, the HTML preview and the reader iterate it.
"""
