"""Second line of defence for HTML the builder writes itself: an allowlist sanitiser (nh3, i.e. ammonia).

The escaping in escape.py is the first line: third-party text never becomes markup. Raw HTML fragments that
carry third-party text (the highlighted article body) also pass through this allowlist, so that a mistake in
escaping still cannot produce a script, an event handler, a style or a link: only the tags and attributes the
highlighter writes survive. Text content is kept (escaped), never deleted.
"""

from __future__ import annotations

import nh3

BODY_TAGS = frozenset({"div", "p", "mark", "span", "br"})
BODY_ATTRIBUTES = frozenset({"id", "class", "title"})
# the collapsed list of removed boilerplate on article pages
REMOVED_TAGS = frozenset({"details", "summary", "ul", "li", "em", "pre", "p"})
REMOVED_ATTRIBUTES = frozenset({"class"})


def clean_body(fragment: str) -> str:
    """`fragment` with every tag and attribute outside the highlighter's vocabulary removed."""
    return _allowlist(fragment, BODY_TAGS, BODY_ATTRIBUTES)


def clean_removed(fragment: str) -> str:
    """The removed-boilerplate block, through the same kind of allowlist as the body."""
    return _allowlist(fragment, REMOVED_TAGS, REMOVED_ATTRIBUTES)


def _allowlist(fragment: str, tags: frozenset[str], attributes: frozenset[str]) -> str:
    return nh3.clean(fragment, tags=set(tags), attributes={"*": set(attributes)}, url_schemes=set(),
                     link_rel=None, strip_comments=True, clean_content_tags={"script", "style"})
