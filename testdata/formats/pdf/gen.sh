#!/bin/sh
# gen.sh regenerates the PDF fixtures of extract/pdftext from the plain-text
# founding-case files. It is run by hand, never by the tests; the PDFs it
# writes are committed.
#
# Needs: LibreOffice (soffice), python3, qpdf, and the fonts
# fonts-noto-core (Noto Serif, Noto Naskh Arabic) and fonts-wqy-microhei.
#
#   sh testdata/formats/pdf/gen.sh        # from the repository root
#
# For each source text (paragraphs separated by blank lines) it writes a flat
# OpenDocument file (.fodt) laid out like a UN document on A4 pages:
#   - page 1: the body starts with the document symbol (the first paragraph
#     of the text); footer with the job number, e.g. "GE.18-04567(C)", and a
#     barcode-like "*1804567*";
#   - pages 2..: running header with the symbol, footer with the job number
#     and the page number;
#   - in L36.en and L36.zh the first "*" of the sponsors paragraph is a
#     footnote ("* State not a member of the Human Rights Council.", smaller
#     font at the foot of page 1), so the body text still reads "Belarus,*";
# then converts it with `soffice --headless --convert-to pdf` (fonts are
# subset by LibreOffice). It also writes encrypted.pdf (L36.excerpt.en.txt
# encrypted with qpdf, user password "secret").
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
out="$root/testdata/formats/pdf"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$root" "$tmp" <<'PY'
import html, re, sys, os
root, tmp = sys.argv[1], sys.argv[2]
src = [
    ("testdata/founding/L36.en.txt", "L36.en", "en", "A/HRC/37/L.36", "GE.18-04231(E)"),
    ("testdata/founding/L36.zh.txt", "L36.zh", "zh", "A/HRC/37/L.36", "GE.18-04231(C)"),
    ("testdata/founding/RES.zh.txt", "RES.zh", "zh", "A/HRC/RES/37/23", "GE.18-04567(C)"),
    ("testdata/founding/L36.excerpt.en.txt", "L36.excerpt.en", "en", "A/HRC/37/L.36", "GE.18-04231(E)"),
]
for l, j in (("ar", "A"), ("fr", "F"), ("es", "S"), ("ru", "R")):
    src.append((f"testdata/languages/RES.excerpt.{l}.txt", f"RES.excerpt.{l}", l, "A/HRC/RES/37/23", f"GE.18-04567({j})"))
    src.append((f"testdata/languages/L36.excerpt.{l}.txt", f"L36.excerpt.{l}", l, "A/HRC/37/L.36", f"GE.18-04231({j})"))

NOTE = {"en": "State not a member of the Human Rights Council.",
        "zh": "非人权理事会成员国。"}

def fodt(paras, lang, symbol, job, note):
    rtl = lang == "ar"
    e = html.escape
    barcode = "*" + re.sub(r"\D", "", job) + "*"
    body = []
    for i, p in enumerate(paras):
        style = "First" if i == 0 else "Body"
        t = e(p)
        if note and "*" in p and not any("*" in q for q in paras[:i]):
            k = t.index("*")
            t = (t[:k] + '<text:note text:id="ftn1" text:note-class="footnote">'
                 '<text:note-citation text:label="*">*</text:note-citation><text:note-body>'
                 f'<text:p text:style-name="Footnote">{e(note)}</text:p></text:note-body></text:note>'
                 + t[k + 1:])
        body.append(f'<text:p text:style-name="{style}">{t}</text:p>')
    wm = "rl-tb" if rtl else "lr-tb"
    align = "end" if rtl else "justify"
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Serif" svg:font-family="&apos;Noto Serif&apos;"/>
 <style:font-face style:name="Han" svg:font-family="&apos;WenQuanYi Micro Hei&apos;"/>
 <style:font-face style:name="Arab" svg:font-family="&apos;Noto Naskh Arabic&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm" fo:text-align="{align}" style:writing-mode="{wm}"/>
  <style:text-properties style:font-name="Serif" fo:font-size="11pt" fo:language="{lang}"
   style:font-name-asian="Han" style:font-size-asian="11pt" style:language-asian="zh" style:country-asian="CN"
   style:font-name-complex="Arab" style:font-size-complex="12pt" style:language-complex="ar"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" style:font-size-complex="9pt"/>
 </style:style>
 <style:style style:name="HF" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="start"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="First" style:family="paragraph" style:master-page-name="FirstPage"/>
 <style:page-layout style:name="pl">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" style:writing-mode="{wm}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.8cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="FirstPage" style:page-layout-name="pl" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="HF">{e(job)}<text:tab/>{e(barcode)}</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pl">
  <style:header><text:p text:style-name="HF">{e(symbol)}</text:p></style:header>
  <style:footer><text:p text:style-name="HF">{e(job)}<text:tab/><text:page-number text:select-page="current">2</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''

for path, name, lang, symbol, job in src:
    text = open(os.path.join(root, path), encoding="utf-8").read()
    paras = [" ".join(l.strip() for l in p.splitlines() if l.strip())
             for p in re.split(r"\n\s*\n", text) if p.strip()]
    note = NOTE.get(lang) if name in ("L36.en", "L36.zh") else None
    with open(os.path.join(tmp, name + ".fodt"), "w", encoding="utf-8") as f:
        f.write(fodt(paras, lang, symbol, job, note))
PY

(cd "$tmp" && soffice --headless --convert-to pdf --outdir "$tmp" ./*.fodt >/dev/null)
for f in "$tmp"/*.pdf; do
    cp "$f" "$out/$(basename "$f")"
done
qpdf --encrypt secret secret 256 -- "$out/L36.excerpt.en.pdf" "$out/encrypted.pdf"
ls -l "$out"/*.pdf
