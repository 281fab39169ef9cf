package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX opens the workbook of the fixture with excelize: one sheet, the
// header row bold and frozen, the cells of the CSV report (numbers as
// numbers, empty cells empty), and the unreadable input as a row.
func TestXLSX(t *testing.T) {
	in := fixture()
	out := render(t, "xlsx", in)
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{XLSXSheet}) {
		t.Fatalf("sheets %q, want [%s]", got, XLSXSheet)
	}
	p, err := f.GetPanes(XLSXSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the first row frozen (Freeze, YSplit 1, TopLeftCell A2)", p)
	}
	id, err := f.GetCellStyle(XLSXSheet, "A1")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("the header is not bold (style %d: %+v, %v)", id, st, err)
	}

	// Cells read by hand from the fixture (report/fixture_test.go).
	cell := func(ref string) string {
		v, err := f.GetCellValue(XLSXSheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		return v
	}
	for ref, want := range map[string]string{
		"A1": "severity", "U1": "score", "X1": "voted_page",
		"A3": "error", "B3": "term-substituted", "D3": "in/final.fr.pdf",
		"I3": "coopération gagnant-gagnant", "N3": "4", "O3": "14", "U3": "0.97", "W3": "1",
		"G3": "", "X3": "", // no line in a PDF, no page in the voted text
		"S4": "15", "T4": "16", "W4": "2",
		"U5": "0",
		"B6": InputErrorKind, "D6": "in/final.ar.docx", "C6": "zip: not a valid zip file (not checked)", "U6": "",
		"A7": "",
	} {
		if got := cell(ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for _, ref := range []string{"N3", "O3", "U3", "W3", "U5"} {
		if ty, _ := f.GetCellType(XLSXSheet, ref); ty == excelize.CellTypeSharedString || ty == excelize.CellTypeInlineString {
			t.Errorf("%s is a string, want a number", ref)
		}
	}
	// "15" of voted_numbers is text (a list of numbers), as in the CSV.
	if ty, _ := f.GetCellType(XLSXSheet, "S4"); ty != excelize.CellTypeSharedString && ty != excelize.CellTypeInlineString {
		t.Errorf("S4 (voted_numbers) has type %v, want a string", ty)
	}

	// Every cell is the CSV report's (a score as a number: 0.970 is 0.97).
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", in))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows(XLSXSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) {
		t.Fatalf("%d rows, the CSV report has %d", len(got), len(rows))
	}
	for i, r := range rows {
		for j, want := range r {
			g := ""
			if j < len(got[i]) {
				g = got[i][j]
			}
			if g == want {
				continue
			}
			x, err1 := strconv.ParseFloat(g, 64)
			y, err2 := strconv.ParseFloat(want, 64)
			if err1 != nil || err2 != nil || x != y {
				t.Errorf("row %d, %s: %q, the CSV report has %q", i+1, CSVHeader[j], g, want)
			}
		}
	}
}

// TestCSVBOM: with Options.BOM the CSV report is the same after a UTF-8
// byte order mark; without, it has none.
func TestCSVBOM(t *testing.T) {
	in := fixture()
	plain := render(t, "csv", in)
	if bytes.HasPrefix(plain, []byte(BOM)) {
		t.Fatal("the CSV report starts with a BOM without Options.BOM")
	}
	var b bytes.Buffer
	if err := Write(&b, "csv", in, Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), append([]byte{0xef, 0xbb, 0xbf}, plain...)) {
		t.Errorf("with Options.BOM the report starts %q, want EF BB BF then the plain report", b.Bytes()[:min(8, b.Len())])
	}
	var x bytes.Buffer
	if err := Write(&x, "xlsx", in, Options{BOM: true}); err != nil || bytes.HasPrefix(x.Bytes(), []byte(BOM)) {
		t.Errorf("the BOM went into the xlsx report too (%v)", err)
	}
}
