package htmltext_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract/htmltext"
)

// css wraps a stylesheet and a body into a page.
func css(sheet, body string) string {
	return "<!DOCTYPE html><html><head><style>" + sheet + "</style></head><body>" + body + "</body></html>"
}

// Two items, the second with a nested list of two: the shape of an
// operative paragraph with sub-paragraphs.
const opsSubs = `<ol class="ops"><li>Decides<li>Requests:<ol class="subs"><li>one;<li>two;</ol><li>Invites</ol>`

func TestReadListStylesheet(t *testing.T) {
	const ru = `@counter-style op { system: extends decimal; suffix: ". "; }
		@counter-style sub { system: fixed; symbols: "а" "б" "в" "г"; prefix: "("; suffix: ") "; }
		ol.ops { list-style: op; margin: 0; padding-inline-start: 1.000cm; }
		ol.subs { list-style: sub; margin: 0; }`
	tests := []struct {
		desc, in string
		want     []string
	}{
		// The corpus's forms.
		{"Russian: Cyrillic sub-paragraph letters from @counter-style, not Latin (a)",
			css(ru, opsSubs), []string{"1. Decides", "2. Requests:", "(а) one;", "(б) two;", "3. Invites"}},
		{"Arabic: suffix \" - \" and Arabic letters",
			css(`@counter-style op { system: extends decimal; suffix: " - "; }
				@counter-style sub { system: fixed; symbols: "أ" "ب" "ج" "د" "هـ"; prefix: "("; suffix: ") "; }
				ol.ops { list-style: op } ol.subs { list-style: sub }`, opsSubs),
			[]string{"1 - Decides", "2 - Requests:", "(أ) one;", "(ب) two;", "3 - Invites"}},
		{"Chinese: fullwidth full stop, the space after it collapsed to the one before the text",
			css(`@counter-style op { system: extends decimal; suffix: "．  "; } ol.ops { list-style: op }`, opsSubs),
			[]string{"1． Decides", "2． Requests:", "1. one;", "2. two;", "3． Invites"}},

		// Selectors.
		{"type selector",
			css(`ol { list-style-type: lower-roman }`, `<ol><li>x<li>y</ol>`), []string{"(i) x", "(ii) y"}},
		{"type selectors match without case",
			css(`OL { list-style-type: lower-roman }`, `<ol><li>x</ol>`), []string{"(i) x"}},
		{"li selector",
			css(`li { list-style-type: upper-alpha }`, `<ol><li>x<li>y</ol>`), []string{"(A) x", "(B) y"}},
		{"class selector",
			css(`.subs { list-style-type: lower-alpha }`, `<ol class="x subs"><li>x</ol><ol><li>y</ol>`), []string{"(a) x", "1. y"}},
		{"class names are case-sensitive",
			css(`.Subs { list-style-type: lower-alpha }`, `<ol class="subs"><li>x</ol>`), []string{"1. x"}},
		{"id selector",
			css(`#ops { list-style-type: upper-roman }`, `<ol id="ops"><li>x</ol><ol id="opsx"><li>y</ol>`), []string{"(I) x", "1. y"}},
		{"compound: tag and class",
			css(`ul.subs { list-style-type: lower-alpha } ol.subs { list-style-type: lower-roman }`, `<ol class="subs"><li>x</ol>`), []string{"(i) x"}},
		{"compound: two classes, both needed",
			css(`.a.b { list-style-type: lower-alpha }`, `<ol class="a"><li>x</ol><ol class="b a"><li>y</ol>`), []string{"1. x", "(a) y"}},
		{"universal selector",
			css(`* { list-style-type: lower-greek }`, `<ol><li>x<li>y</ol>`), []string{"(α) x", "(β) y"}},
		{"universal selector with a class",
			css(`*.g { list-style-type: lower-greek }`, `<ol class="g"><li>x</ol>`), []string{"(α) x"}},
		{"attribute selectors: presence, =, ~=, |=, ^=, $=, *=",
			css(`ol[data-a] { list-style-type: lower-alpha }
				ol[data-b="x"] { list-style-type: upper-alpha }
				ol[data-c~="y"] { list-style-type: lower-roman }
				ol[lang|="ru"] { list-style-type: upper-roman }
				ol[data-d^="ab"] { list-style-type: lower-greek }
				ol[data-e$="yz"] { list-style-type: arabic-indic }
				ol[data-f*="mid"] { list-style-type: decimal-leading-zero }`,
				`<ol data-a><li>a</ol><ol data-b="x"><li>b</ol><ol data-c="x y z"><li>c</ol><ol lang="ru-RU"><li>d</ol>`+
					`<ol data-d="abc"><li>e</ol><ol data-e="xyz"><li>f</ol><ol data-f="amidst"><li>g</ol><ol data-b="xx"><li>h</ol>`),
			[]string{"(a) a", "(A) b", "(i) c", "(I) d", "(α) e", "١. f", "01. g", "1. h"}},
		{"attribute value case: sensitive, unless the i flag or an attribute HTML compares without case",
			css(`ol[data-x="A"] { list-style-type: lower-alpha } ol[data-y="A" i] { list-style-type: lower-roman } ol[type="A"] { list-style-type: lower-greek }`,
				`<ol data-x="a"><li>x</ol><ol data-y="a"><li>y</ol><ol type="a"><li>z</ol>`),
			[]string{"1. x", "(i) y", "(α) z"}},
		{"descendant combinator",
			css(`ol ol { list-style-type: lower-alpha }`, `<ol><li>x<div><ol><li>y</ol></div></ol>`), []string{"1. x", "(a) y"}},
		{"child combinator matches a child",
			css(`ol.ops > li > ol { list-style-type: lower-alpha }`, `<ol class="ops"><li>x<ol><li>y</ol></ol>`), []string{"1. x", "(a) y"}},
		{"child combinator does not match a deeper descendant",
			css(`ol.ops > li > ol { list-style-type: lower-alpha }`, `<ol class="ops"><li>x<div><ol><li>y</ol></div></ol>`), []string{"1. x", "1. y"}},
		{"child then descendant: backtracks past the nearest match to find the one whose parent fits",
			css(`.a > .b ol { list-style-type: upper-roman }`, `<div class="a"><div class="b"><div class="b"><ol><li>x</ol></div></div></div><div class="b"><ol><li>y</ol></div>`),
			[]string{"(I) x", "1. y"}},
		{"body and html are there when the page leaves them out",
			`<style>html > body > ol { list-style-type: lower-roman }</style><ol><li>x</ol>`, []string{"(i) x"}},
		{"a selector list: each selector matches",
			css(`ol.a, ol.b { list-style-type: lower-alpha }`, `<ol class="a"><li>x</ol><ol class="b"><li>y</ol>`), []string{"(a) x", "(a) y"}},

		// Selectors not matched here: never match wrongly.
		{"a pseudo-class never matches",
			css(`ol:first-child { list-style-type: lower-alpha } li:nth-child(2) { list-style-type: upper-roman }`, `<ol><li>x<li>y</ol>`), []string{"1. x", "2. y"}},
		{"a pseudo-class in a list leaves the other selectors",
			css(`ol:hover, ol.x { list-style-type: lower-alpha }`, `<ol class="x"><li>x</ol>`), []string{"(a) x"}},
		{"a pseudo-element never matches the item",
			css(`li::marker { list-style-type: lower-alpha } li:before { list-style-type: lower-roman }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"sibling combinators never match",
			css(`p + ol { list-style-type: lower-alpha } p ~ ol { list-style-type: lower-roman } div + ol { list-style-type: upper-alpha }`, `<p>p</p><ol><li>x</ol><div><ol><li>y</ol></div>`),
			[]string{"p", "1. x", "1. y"}},
		{"a namespace never matches",
			css(`svg|ol { list-style-type: lower-alpha } [xlink|href] { list-style-type: lower-roman }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"an invalid selector drops the whole rule, as in CSS",
			css(`ol..x, ol { list-style-type: lower-alpha } ol > { list-style-type: lower-roman } #1 { list-style-type: upper-roman }`, `<ol id="1"><li>x</ol>`), []string{"1. x"}},

		// The cascade.
		{"specificity: an id beats a class beats a type, whatever the order",
			css(`#a { list-style-type: lower-roman } .b { list-style-type: upper-roman } ol { list-style-type: lower-alpha }`,
				`<ol id="a" class="b"><li>x</ol><ol class="b"><li>y</ol><ol><li>z</ol>`),
			[]string{"(i) x", "(I) y", "(a) z"}},
		{"specificity counts: two classes beat one, a class beats any number of types",
			css(`.b.c { list-style-type: lower-roman } .c { list-style-type: upper-roman } html body div ol { list-style-type: lower-alpha } .d { list-style-type: lower-greek }`,
				`<div><ol class="b c"><li>x</ol><ol class="c d"><li>y</ol></div>`),
			[]string{"(i) x", "(α) y"}},
		{"same specificity: the later rule wins",
			css(`ol { list-style-type: lower-roman } ol { list-style-type: upper-alpha }`, `<ol><li>x</ol>`), []string{"(A) x"}},
		{"later declaration in a rule wins",
			css(`ol { list-style-type: lower-roman; list-style: upper-alpha inside }`, `<ol><li>x</ol>`), []string{"(A) x"}},
		{"order runs across style elements",
			`<style>ol { list-style-type: lower-roman }</style><style>ol { list-style-type: upper-alpha }</style><ol><li>x</ol>`, []string{"(A) x"}},
		{"the inline style beats the stylesheet",
			css(`#a.b { list-style-type: lower-alpha }`, `<ol id="a" class="b" style="list-style-type: upper-roman"><li>x</ol>`), []string{"(I) x"}},
		{"a stylesheet !important beats the inline style",
			css(`ol { list-style-type: lower-alpha !important } ol#a { list-style-type: lower-greek }`, `<ol id="a" style="list-style-type: upper-roman"><li>x</ol>`), []string{"(a) x"}},
		{"an inline !important beats a stylesheet !important",
			css(`ol { list-style-type: lower-alpha !important }`, `<ol style="list-style-type: upper-roman !important"><li>x</ol>`), []string{"(I) x"}},
		{"among !important rules, specificity",
			css(`ol.x { list-style-type: lower-alpha !important } ol { list-style-type: upper-roman !important }`, `<ol class="x"><li>x</ol>`), []string{"(a) x"}},
		{"the stylesheet beats the type attribute",
			css(`ol { list-style-type: lower-roman }`, `<ol type="A"><li>x</ol>`), []string{"(i) x"}},
		{"the type attribute of the li beats the style the li inherits",
			css(`ol { list-style-type: lower-roman }`, `<ol><li>x<li type="A">y</ol>`), []string{"(i) x", "(B) y"}},
		{"an li rule overrides the ol's",
			css(`ol { list-style-type: lower-alpha } li.r { list-style-type: upper-roman }`, `<ol><li>x<li class="r">y<li>z</ol>`), []string{"(a) x", "(II) y", "(c) z"}},
		{"the li inherits the ol's style from the stylesheet",
			css(`ol.a { list-style-type: lower-alpha }`, `<ol class="a"><li>x<li style="color: red">y</ol>`), []string{"(a) x", "(b) y"}},
		{"list-style-type: inherit on the li takes the ol's",
			css(`ol { list-style-type: lower-alpha } li { list-style-type: upper-roman } li.i { list-style-type: inherit }`, `<ol><li>x<li class="i">y</ol>`), []string{"(I) x", "(b) y"}},
		{"an element between ol and li passes its style on, as it inherits",
			css(`.x { list-style-type: lower-roman }`, `<ol><div class="x"><li>x<li>y</div></ol>`), []string{"(i) x", "(ii) y"}},
		{"a nested ol does not inherit: it is decimal unless told",
			css(`ol.a { list-style-type: lower-alpha }`, `<ol class="a"><li>x<ol><li>y</ol></ol>`), []string{"(a) x", "1. y"}},
		{"list-style-type: initial is disc: no label",
			css(`ol { list-style-type: initial }`, `<ol><li>x</ol>`), []string{"x"}},
		{"revert goes back to the browser's decimal",
			css(`ol { list-style-type: lower-alpha } ol.r { list-style-type: revert }`, `<ol class="r" type="a"><li>x</ol>`), []string{"1. x"}},
		{"revert on an li goes back to inheriting",
			css(`ol { list-style-type: lower-alpha } li { list-style-type: upper-roman } li.r { list-style-type: revert }`, `<ol><li>x<li class="r">y</ol>`),
			[]string{"(I) x", "(b) y"}},
		{"ul numbered by the stylesheet",
			css(`ul.n { list-style: decimal }`, `<ul class="n"><li>x<li>y</ul><ul><li>z</ul>`), []string{"1. x", "2. y", "z"}},
		{"list-style none from the stylesheet: no label, items still count",
			css(`li.n { list-style: none }`, `<ol><li class="n">x<li>y</ol>`), []string{"x", "2. y"}},
		{"list-style shorthand: the counter style among the other parts",
			css(`@counter-style sub { system: fixed; symbols: "а" "б"; prefix: "("; suffix: ") "; } ol { list-style: inside url(x.png) sub }`, `<ol><li>x</ol>`), []string{"(а) x"}},
		{"list-style shorthand without a type resets it to disc",
			css(`ol { list-style-type: lower-alpha } ol.x { list-style: inside }`, `<ol class="x"><li>x</ol>`), []string{"x"}},
		{"an invalid value is ignored: the rule before it stands",
			css(`ol { list-style-type: lower-alpha } ol.x { list-style-type: lower-roman 3 } ol.x { list-style: inside outside } ol.x { list-style-type: var(--t) }`, `<ol class="x"><li>x</ol>`), []string{"(a) x"}},
		{"@media blocks are read, other at-rules skipped",
			css(`@page { @top-right { content: "x" } } @font-face { font-family: x } @media print { ol { list-style-type: lower-roman } } @supports (display: grid) { @media screen { li.u { list-style-type: upper-alpha } } }`,
				`<ol><li>x<li class="u">y</ol>`), []string{"(i) x", "(B) y"}},
		{"a style element of another type, and one in a template, are not read",
			`<style type="text/x-scss">ol { list-style-type: lower-alpha }</style><template><style>ol { list-style-type: lower-roman }</style></template><ol><li>x</ol>`,
			[]string{"1. x"}},
		{"a style element after the list applies to it, as in a browser",
			`<ol><li>x</ol><style>ol { list-style-type: lower-alpha }</style>`, []string{"(a) x"}},
		{"the inline style names a @counter-style of the sheet",
			css(ru, `<ol style="list-style: sub"><li>x</ol>`), []string{"(а) x"}},

		// @counter-style.
		{"cyclic",
			css(`@counter-style dash { system: cyclic; symbols: "–" "*"; suffix: " "; } ul { list-style: dash }`, `<ul><li>x<li>y<li>z</ul>`), []string{"– x", "* y", "– z"}},
		{"fixed with a first value; outside it the fallback (decimal) with the style's prefix and suffix",
			css(`@counter-style f { system: fixed 3; symbols: a b c; prefix: "("; suffix: ")"; } ol { list-style: f }`, `<ol start="2"><li>v<li>w<li>x<li>y<li>z</ol>`),
			[]string{"(2) v", "(a) w", "(b) x", "(c) y", "(6) z"}},
		{"symbolic: the symbol repeats",
			css(`@counter-style s { system: symbolic; symbols: "*" "†"; suffix: " "; } ol { list-style: s }`, `<ol><li>a<li>b<li>c<li>d<li>e</ol>`),
			[]string{"* a", "† b", "** c", "†† d", "*** e"}},
		{"symbolic is the default system",
			css(`@counter-style s { symbols: "‡"; suffix: ""; } ol { list-style: s }`, `<ol><li>a<li>b</ol>`), []string{"‡ a", "‡‡ b"}},
		{"alphabetic without prefix or suffix: the UN form (а), its letters kept",
			css(`@counter-style c { system: alphabetic; symbols: а б в; } ol { list-style: c }`, `<ol><li>x<li>y<li>z<li>w</ol>`),
			[]string{"(а) x", "(б) y", "(в) z", "(аа) w"}},
		{"alphabetic needs two symbols: with one the rule defines nothing (decimal)",
			css(`@counter-style c { system: alphabetic; symbols: а; } ol { list-style: c }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"numeric: base of its symbols; default prefix empty, suffix \". \"",
			css(`@counter-style bin { system: numeric; symbols: "0" "1"; } ol { list-style: bin }`, `<ol start="0"><li>a<li>b<li>c<li>d</ol>`),
			[]string{"0. a", "1. b", "10. c", "11. d"}},
		{"numeric with a prefix only: the suffix is still \". \"",
			css(`@counter-style n { system: numeric; symbols: "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"; prefix: "№"; } ol { list-style: n }`, `<ol start="12"><li>a</ol>`),
			[]string{"№12. a"}},
		{"an empty suffix: the label, then one space",
			css(`@counter-style n { system: extends decimal; suffix: ""; } ol { list-style: n }`, `<ol><li>a</ol>`), []string{"1 a"}},
		{"additive",
			css(`@counter-style r { system: additive; additive-symbols: 10 X, 5 V, I 1; prefix: "["; suffix: "] "; } ol { list-style: r }`, `<ol start="14"><li>a<li>b</ol>`),
			[]string{"[XIIII] a", "[XV] b"}},
		{"additive: 0 needs a weight 0, else the fallback",
			css(`@counter-style r { system: additive; additive-symbols: 1 "|"; suffix: " "; } @counter-style z { system: additive; additive-symbols: 1 "|", 0 "∅"; suffix: " "; } ol.r { list-style: r } ol.z { list-style: z }`,
				`<ol class="r" start="0"><li>a<li>b</ol><ol class="z" start="0"><li>c</ol>`),
			[]string{"0 a", "| b", "∅ c"}},
		{"additive weights must decrease: else the rule defines nothing",
			css(`@counter-style r { system: additive; additive-symbols: 1 I, 5 V; suffix: " "; } ol { list-style: r }`, `<ol><li>a</ol>`), []string{"1. a"}},
		{"extends a predefined style with its own prefix and suffix: what the browser draws, not the UN form",
			css(`@counter-style p { system: extends upper-alpha; suffix: ") "; } @counter-style q { system: extends lower-roman; prefix: "("; suffix: ") "; } ol.p { list-style: p } ol.q { list-style: q }`,
				`<ol class="p"><li>x</ol><ol class="q" start="4"><li>y</ol>`),
			[]string{"A) x", "(iv) y"}},
		{"extends without prefix or suffix keeps the UN form; range then fallback",
			css(`@counter-style e { system: extends lower-alpha; range: 1 2; } ol { list-style: e }`, `<ol><li>x<li>y<li>z</ol>`),
			[]string{"(a) x", "(b) y", "3. z"}},
		{"extends a @counter-style: its symbols and form, and overrides",
			css(ru+` @counter-style sub2 { system: extends sub; suffix: "] "; } ol.subs { list-style: sub2 }`, opsSubs),
			[]string{"1. Decides", "2. Requests:", "(а] one;", "(б] two;", "3. Invites"}},
		{"extends with symbols is invalid: defines nothing",
			css(`@counter-style e { system: extends decimal; symbols: a b; suffix: ") "; } ol { list-style: e }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"extends an unknown style: decimal",
			css(`@counter-style e { system: extends nosuch; suffix: " - "; } ol { list-style: e }`, `<ol><li>x</ol>`), []string{"1 - x"}},
		{"an extends cycle extends decimal",
			css(`@counter-style a { system: extends b; suffix: "] "; } @counter-style b { system: extends a; prefix: "["; } ol { list-style: a }`, `<ol><li>x</ol>`),
			[]string{"1] x"}},
		{"range: outside it, the fallback",
			css(`@counter-style f { system: fixed; symbols: a b c d; range: 2 3, 5 infinite; prefix: "<"; suffix: "> "; fallback: upper-roman; } ol { list-style: f }`,
				`<ol><li>p<li>q<li>r<li>s</ol>`),
			[]string{"<I> p", "<b> q", "<c> r", "<IV> s"}},
		{"a fallback loop ends in decimal",
			css(`@counter-style a { system: fixed; symbols: x; fallback: b; } @counter-style b { system: fixed; symbols: y; fallback: a; } ol { list-style: a }`, `<ol><li>p<li>q</ol>`),
			[]string{"(x) p", "2. q"}},
		{"negative",
			css(`@counter-style n { system: extends decimal; negative: "(" ")"; suffix: ". "; } ol { list-style: n }`, `<ol start="-1"><li>a<li>b</ol>`),
			[]string{"(1). a", "0. b"}},
		{"pad",
			css(`@counter-style p { system: extends decimal; pad: 3 "0"; } ol { list-style: p }`, `<ol start="9"><li>a<li>b</ol>`), []string{"009. a", "010. b"}},
		{"symbols as identifiers, and escapes in strings",
			css(`@counter-style c { system: fixed; symbols: \430 "\431" "\"" ; prefix: "("; suffix: ") "; } ol { list-style: c }`, `<ol><li>x<li>y<li>z</ol>`),
			[]string{"(а) x", "(б) y", `(") z`}},
		{"a line break in a suffix is a space",
			css(`@counter-style c { system: extends decimal; suffix: ".\A\9"; } ol { list-style: c }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"an image symbol is not read: the rule defines nothing",
			css(`@counter-style i { system: cyclic; symbols: url(dot.png); } ol { list-style: i }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"decimal cannot be redefined",
			css(`@counter-style decimal { system: fixed; symbols: x; prefix: "("; suffix: ")"; }`, `<ol><li>a</ol>`), []string{"1. a"}},
		{"a predefined style other than decimal can be, the type attribute too",
			css(`@counter-style lower-alpha { system: fixed; symbols: "а" "б"; prefix: "("; suffix: ")"; }`, `<ol type="a"><li>x</ol>`), []string{"(а) x"}},
		{"counter style names are case-sensitive",
			css(`@counter-style Op { system: extends decimal; suffix: " - "; } ol.a { list-style: op } ol.b { list-style: Op }`, `<ol class="a"><li>x</ol><ol class="b"><li>y</ol>`),
			[]string{"1. x", "1 - y"}},
		{"the later of two rules of one name wins",
			css(`@counter-style c { system: extends decimal; suffix: " - "; } @counter-style c { system: extends decimal; suffix: ") "; } ol { list-style: c }`, `<ol><li>x</ol>`),
			[]string{"1) x"}},
		{"an undefined name is decimal",
			css(`ol { list-style: nosuch }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"a style extending disc is a bullet: no label",
			css(`@counter-style b { system: extends disc; suffix: " "; } ul, ol { list-style: b }`, `<ol><li>x</ol>`), []string{"x"}},

		// Malformed CSS.
		{"comments, and a rule in a comment not read",
			css(`/* ol { list-style-type: lower-alpha } */ ol /* x */ { list-style-type: /* y */ upper-roman }`, `<ol><li>x</ol>`), []string{"(I) x"}},
		{"an unterminated comment ends the sheet",
			css(`ol { list-style-type: lower-alpha } /* li { list-style-type: upper-roman }`, `<ol><li>x</ol>`), []string{"(a) x"}},
		{"a block unclosed at the end of the sheet is closed by it",
			css(`ol { list-style-type: lower-alpha`, `<ol><li>x</ol>`), []string{"(a) x"}},
		{"a stray } spoils the selector of the rule after it only",
			css(`} ol { list-style-type: lower-alpha } li { list-style-type: upper-roman }`, `<ol><li>x</ol>`), []string{"(I) x"}},
		{"a string broken by a line ends its declaration",
			css("ol { list-style-type: \"a\n; list-style-type: lower-roman }", `<ol><li>x</ol>`), []string{"(i) x"}},
		{"a declaration without a colon is skipped",
			css(`ol { list-style lower-alpha; list-style-type: upper-alpha }`, `<ol><li>x</ol>`), []string{"(A) x"}},
		{"a nested rule in a declaration block is skipped",
			css(`ol { li { list-style-type: lower-roman } & > li { color: red } list-style-type: lower-alpha }`, `<ol><li>x</ol>`), []string{"(a) x"}},
		{"@import, @charset and an at-rule left open at the end",
			css(`@charset "utf-8"; @import url(x.css) print; ol { list-style-type: lower-alpha } @media print`, `<ol><li>x</ol>`), []string{"(a) x"}},
		{"<!-- and --> around the sheet",
			css(`<!-- ol { list-style-type: lower-alpha } -->`, `<ol><li>x</ol>`), []string{"(a) x"}},
		{"an unclosed ( in a selector takes the rest of the sheet",
			css(`ol( { list-style-type: lower-alpha } li { list-style-type: upper-roman }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"a } in a string does not end the block",
			css(`@counter-style c { system: extends decimal; suffix: "} "; } ol { list-style: c }`, `<ol><li>x</ol>`), []string{"1} x"}},
		{"an @counter-style without a name, or with two, defines nothing",
			css(`@counter-style { system: extends decimal; suffix: " - "; } @counter-style a b { system: extends decimal; suffix: " - "; } ol { list-style: a }`, `<ol><li>x</ol>`),
			[]string{"1. x"}},
		{"invalid descriptors are ignored: defaults stand",
			css(`@counter-style c { system: fixed x; symbols: 1 2; symbols: "а" "б"; prefix: 3; range: 3 1; pad: x y; } ol { list-style: c }`, `<ol><li>x<li>y<li>z</ol>`),
			// system fixed x is invalid: symbolic; the symbols "а" "б"; no
			// form given: the UN form.
			[]string{"(а) x", "(б) y", "(аа) z"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := bodyTexts(t, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Read(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}

// The work a page's stylesheets cause is bounded, and a bound reached
// leaves what is beyond it unread.
func TestReadListStylesheetBounds(t *testing.T) {
	const mib = 1 << 20
	rule := `ol { list-style-type: lower-roman }`
	// pad is a comment of n bytes.
	pad := func(n int) string { return "/*" + strings.Repeat("x", n-4) + "*/" }
	nested := func(n int) string {
		return strings.Repeat("@media all { ", n) + rule + strings.Repeat(" }", n)
	}
	compounds := func(n int) string { return strings.Repeat("div ", n-1) + "ol" }
	tests := []struct {
		desc, in string
		want     []string
	}{
		{"a rule within the first MiB of style text is read",
			css(pad(mib-len(rule)-10)+rule, `<ol><li>x</ol>`), []string{"(i) x"}},
		{"a rule beyond the first MiB is not",
			css(pad(mib)+rule, `<ol><li>x</ol>`), []string{"1. x"}},
		{"the MiB counts over all style elements",
			"<style>" + pad(mib/2) + "</style><style>" + pad(mib/2) + "</style><style>" + rule + "</style><ol><li>x</ol>", []string{"1. x"}},
		{"a rule the MiB cuts is dropped, not closed",
			css(pad(mib-len(rule)+1)+rule, `<ol><li>x</ol>`), []string{"1. x"}},
		{"4096 selectors kept, not more",
			css(strings.Repeat(`p { list-style: none } `, 4096)+rule, `<ol><li>x</ol>`), []string{"1. x"}},
		{"4095 and the rule",
			css(strings.Repeat(`p { list-style: none } `, 4095)+rule, `<ol><li>x</ol>`), []string{"(i) x"}},
		{"512 counter styles kept, not more",
			css(func() string {
				var b strings.Builder
				for i := range 512 {
					b.WriteString("@counter-style c" + itoa(i) + " { system: extends decimal; } ")
				}
				return b.String()
			}()+`@counter-style last { system: extends decimal; suffix: " - "; } ol { list-style: last }`, `<ol><li>x</ol>`),
			[]string{"1. x"}},
		{"@media 16 deep is read",
			css(nested(16), `<ol><li>x</ol>`), []string{"(i) x"}},
		{"@media 17 deep is not",
			css(nested(17), `<ol><li>x</ol>`), []string{"1. x"}},
		{"a selector of 32 compounds matches",
			css(compounds(32)+` { list-style-type: lower-roman }`, strings.Repeat("<div>", 31)+`<ol><li>x</ol>`), []string{"(i) x"}},
		{"a selector of 33 never does",
			css(compounds(33)+` { list-style-type: lower-roman }`, strings.Repeat("<div>", 32)+`<ol><li>x</ol>`), []string{"1. x"}},
		{"a selector list of more than 2048 tokens is dropped",
			css(strings.Repeat(".a, ", 700)+`ol { list-style-type: lower-roman }`, `<ol><li>x</ol>`), []string{"1. x"}},
		{"a declaration value of 1024 tokens is read",
			css(`@counter-style a { system: additive; additive-symbols: `+tuples(200)+`; suffix: " "; } ol { list-style: a }`, `<ol start="3"><li>x</ol>`),
			[]string{"x x"}}, // 200 tuples "200 x, ", 5 tokens each: 999 tokens with the white space before
		{"a declaration value of more than 1024 tokens is dropped",
			css(`@counter-style a { system: additive; additive-symbols: `+tuples(210)+`; suffix: " "; } ol { list-style: a }`, `<ol start="3"><li>x</ol>`),
			[]string{"3. x"}}, // 1049 tokens: no additive-symbols, the rule defines nothing
		{"256 symbols are read, not more",
			css(`@counter-style a { system: fixed; symbols: `+strings.Repeat(`"*" `, 256)+`; suffix: " "; } @counter-style b { system: fixed; symbols: `+
				strings.Repeat(`"*" `, 257)+`; suffix: " "; } ol.a { list-style: a } ol.b { list-style: b }`, `<ol class="a"><li>x</ol><ol class="b"><li>y</ol>`),
			[]string{"* x", "1. y"}},
		{"a representation of more than 64 symbols is the fallback's",
			css(`@counter-style s { system: symbolic; symbols: "*"; suffix: " "; } ol { list-style: s }`, `<ol start="64"><li>x<li>y</ol>`),
			[]string{strings.Repeat("*", 64) + " x", "65 y"}},
		{"a pad is at most 64",
			css(`@counter-style p { system: extends decimal; pad: 1000000 "0"; } ol { list-style: p }`, `<ol><li>x</ol>`),
			[]string{strings.Repeat("0", 63) + "1. x"}},
		{"an extends chain longer than 32 ends in decimal",
			css(func() string {
				var b strings.Builder
				b.WriteString(`@counter-style s0 { system: fixed; symbols: "а"; prefix: "("; suffix: ") "; } `)
				for i := 1; i <= 40; i++ {
					b.WriteString("@counter-style s" + itoa(i) + " { system: extends s" + itoa(i-1) + "; } ")
				}
				return b.String() + `ol.a { list-style: s20 } ol.b { list-style: s40 }`
			}(), `<ol class="b"><li>y</ol><ol class="a"><li>x</ol>`),
			// s40's chain holds 41 rules: it extends decimal, whichever
			// is read first; s20's holds 21.
			[]string{"1. y", "(а) x"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := bodyTexts(t, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Read(%.200q…) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}

// tuples returns n additive tuples, weights n down to 1, symbol x.
func tuples(n int) string {
	var parts []string
	for i := n; i >= 1; i-- {
		parts = append(parts, itoa(i)+" x")
	}
	return strings.Join(parts, ", ")
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// A selector whose matching backtracks without end (descendant
// combinators over a deep page, the leftmost compound matching nothing)
// stops at the page's budget of steps: it matches nothing, and Read ends.
func TestReadListStylesheetMatchBudget(t *testing.T) {
	sel := "nosuch" + strings.Repeat(" div", 30) + " ol"
	in := css(sel+` { list-style-type: lower-roman } ol.late { list-style-type: lower-alpha }`,
		strings.Repeat("<div>", 300)+`<ol><li>x</ol><ol class="late"><li>y</ol>`)
	got := bodyTexts(t, in)
	// The budget spent, the later list is not matched either: no rule
	// matches wrongly, and Read ends.
	if want := []string{"1. x", "1. y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Read = %q, want %q", got, want)
	}
}

// With a label from a stylesheet, Lines still maps the label to the li
// and the text after it to the page.
func TestReadListStylesheetLines(t *testing.T) {
	in := "<style>@counter-style sub { system: fixed; symbols: \"هـ\" \"б\"; prefix: \"(\"; suffix: \") \"; }\n" + // line 1
		"ol { list-style: sub }</style>\n" + // line 2
		"<ol><li>يطلب\n" + // line 3: li at column 5, the text at 9
		"  أيضا</li>\n" + // line 4: the text at column 3
		"<li>Второй</ol>\n" // line 5: li at 1, the text at 5
	ps, err := htmltext.Read([]byte(in), htmltext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	if want := []string{"(هـ) يطلب أيضا", "(б) Второй"}; !reflect.DeepEqual(texts, want) {
		t.Fatalf("Read = %q, want %q", texts, want)
	}
	tests := []struct {
		desc      string
		para      int
		sub       string
		line, col int
	}{
		{"the label maps to its li", 0, "(هـ)", 3, 5},
		{"the text after the label", 0, "يطلب", 3, 9},
		{"the next source line", 0, "أيضا", 4, 3},
		{"the second label", 1, "(б)", 5, 1},
		{"the text after it", 1, "Второй", 5, 5},
	}
	for _, tt := range tests {
		p := ps[tt.para]
		off := strings.Index(p.Text, tt.sub)
		if l, c := p.Position(off); l != tt.line || c != tt.col {
			t.Errorf("%s: %q in %q at %d:%d, want %d:%d (Lines %+v)", tt.desc, tt.sub, p.Text, l, c, tt.line, tt.col, p.Lines)
		}
	}
}

// FuzzStylesheet reads fuzzed style text over a fixed list: it must
// not panic or hang, and labels stay one line of text.
func FuzzStylesheet(f *testing.F) {
	f.Add(`@counter-style op { system: extends decimal; suffix: " - "; } @counter-style sub { system: fixed; symbols: "أ" "ب"; prefix: "("; suffix: ") "; } ol.ops { list-style: op } ol.subs { list-style: sub }`)
	f.Add(`@media print { ol > li:first-child, .a ol[type=a i] { list-style: x inside !important } } @counter-style x { system: additive; additive-symbols: 10 "\A", 1 I; range: 1 3, 5 infinite; pad: 3 "0"; negative: "(" ")" }`)
	f.Add(`@counter-style a { system: extends b } @counter-style b { system: extends a; prefix: "\0" } ol { list-style: a } /* ( [ { "`)
	f.Fuzz(func(t *testing.T, sheet string) {
		in := "<style>" + sheet + "</style>" + `<div class="a"><ol class="ops" start="-3" type="a"><li>Decides<li id="x" class="y">Requests:<ol class="subs" reversed><li>one;<li value="1000">two;</ol><li>Invites</ol></div>`
		ps, err := htmltext.Read([]byte(in), htmltext.Options{})
		if err != nil {
			return
		}
		for _, p := range ps {
			if strings.ContainsAny(p.Text, "\r\n") || strings.TrimSpace(p.Text) != p.Text {
				t.Errorf("paragraph %q: a line break in it or white space around it", p.Text)
			}
		}
	})
}
