"""
The portal's demo content, and the generator of content at a larger scale.

The content is data, in ``content/``: the Kainuu region and its Smart Specialisation
strategy 2018-2021, as the source text in ``SEED.md`` gives them (the sentences are
the portal's own), plus the about, accessibility and privacy pages.

- ``region.json``: the home region with its neighbours, municipalities (official
  codes of Statistics Finland; a name given as plain text fills in every language, so
  that lists sorted by name stay in order; areas in km², total and land, with their
  reference year), population figures of the region and of each municipality (each
  with its year and source, as entered by an editor), strengths, links and key
  sectors (in the order of the source text; each names a sector by its English slug).
- ``sectors.json``: the sector tree; ``children`` are sub-sectors, and their
  ``economic_domains`` (NACE Rev. 2 divisions) are given only where they are plain.
- ``programme.json``: the programme with its links, priorities (each naming its
  sectors by English slug, its S3 ``economic_domains`` by NACE Rev. 2 code and
  ``scientific_domains`` by NABS 2007 chapter, with its focus areas) and
  cross-cutting themes.
- ``pages.json``: the content pages.

Every item with an address has a ``slug``: one per language (``{"en": "tourism",
"fi": "matkailu", "sv": "turism"}``), or one for all. The English slug finds the item
again when the content is loaded once more.

Every translated value is an object of language code to text (a language left out
stays blank, so the site falls back to another language), or a plain text that is
the same in every language. A text may be written as a list of lines: they are
joined with spaces, and any run of whitespace becomes one space. Rich texts (bodies,
key-sector and theme descriptions, programme aims) use only the HTML the editor
allows: <p>, <h2>-<h4>, <ul>/<ol>/<li>, <strong>, <em>, <a href>, <blockquote>.

``loader`` writes the content to the database (``manage.py load_demo_content``);
``scale`` generates copies of its shape (``manage.py generate_scale_data``).
"""
