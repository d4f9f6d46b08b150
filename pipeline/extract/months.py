"""Month names, shared by the date resolvers (due dates, event dates)."""
from __future__ import annotations

import calendar

# "january"/"jan"/"sept" -> 1..12
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# a month name or abbreviation as the named group ``month`` (an abbreviation may end in ".")
MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
