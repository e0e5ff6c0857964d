"""The Excel input form for OPD staff: write it (blank or pre-filled), read it back.

A form has a sheet per part of the agreement. "Field" sheets list one value per row: label
(column A, locked), value (B), help (C, locked) and, hidden in column D, the key the value
belongs to. "Table" sheets have one item per row (a party, a right or obligation, a source of
funds, an address) under a header row, with the keys hidden in row 2. Rows can be added to
lists and tables; a value in a row without a key continues the list above it. Which sheets
and rows there are is the layout (``layout.py``); what each value is comes from the model.
"""

from .layout import Sheet, Spec, sheets
from .prefill import prefilled_form, refuse_lost
from .read import Cells, read_form
from .write import agreement_data, write_form

__all__ = ["Cells", "Sheet", "Spec", "agreement_data", "prefilled_form", "read_form",
           "refuse_lost", "sheets", "write_form"]
