package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXReport: check --format xlsx -o FILE writes a workbook with the
// rows of the CSV report of the same run.
func TestXLSXReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.xlsx")
	args := []string{"check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt")}
	code, stdout, stderr := runCmd(t, append(args, "-f", "xlsx", "-o", out)...)
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 (findings) and nothing on stdout", code, stdout, stderr)
	}
	code, csvOut, _ := runCmd(t, append(args, "-f", "csv")...)
	if code != 1 {
		t.Fatalf("csv: exit %d", code)
	}
	want, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("%s does not open: %v", out, err)
	}
	defer f.Close()
	got, err := f.GetRows("findings", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("%d rows in the workbook, %d in the CSV report (want the same, and findings)", len(got), len(want))
	}
	for i := range want {
		// kind, message, final_path and fingerprint: text, the same.
		for _, j := range []int{1, 2, 3, 21} {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d column %s: %q, the CSV has %q", i+1, want[0][j], got[i][j], want[i][j])
			}
		}
	}
}

// TestCSVBOMFlag: --csv-bom puts a byte order mark before every CSV
// report, and is a usage error when there is none.
func TestCSVBOMFlag(t *testing.T) {
	dir := t.TempDir()
	args := []string{"check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"), "--csv-bom"}
	code, stdout, _ := runCmd(t, append(args, "-f", "csv")...)
	if code != 1 || !strings.HasPrefix(stdout, "\ufeffseverity,kind,") {
		t.Errorf("--csv-bom -f csv: exit %d, stdout starts %q; want exit 1 and EF BB BF before the header", code, stdout[:min(20, len(stdout))])
	}
	code, stdout, stderr := runCmd(t, append(args, "-f", "json")...)
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "--csv-bom: only for the csv report, and --format is json") {
		t.Errorf("--csv-bom -f json: exit %d, stdout %d bytes, stderr %q; want exit 2 and one line", code, len(stdout), stderr)
	}

	// A csv report of the configuration file is enough, and gets the BOM.
	cfg := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(cfg, []byte("[[report]]\nformat = \"csv\"\noutput = \"r.csv\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(t, append(args, "-f", "json", "--config", cfg)...)
	if code != 1 || !strings.HasPrefix(stdout, "{") {
		t.Fatalf("--csv-bom -f json with a csv [[report]]: exit %d, stderr %q", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.csv"))
	if err != nil || !bytes.HasPrefix(b, []byte("\ufeffseverity,")) {
		t.Errorf("the [[report]] csv file starts %q (%v), want the BOM", b[:min(10, len(b))], err)
	}
}

// TestBinaryOutput: the xlsx report is refused for a terminal, and only
// for a terminal.
func TestBinaryOutput(t *testing.T) {
	if err := binaryOutput("xlsx", true); err == nil || !strings.Contains(err.Error(), "--output") {
		t.Errorf("xlsx to a terminal: %v, want an error naming --output", err)
	}
	for _, c := range []struct {
		format string
		tty    bool
	}{{"xlsx", false}, {"csv", true}, {"text", true}} {
		if err := binaryOutput(c.format, c.tty); err != nil {
			t.Errorf("%s, terminal %v: %v", c.format, c.tty, err)
		}
	}
	// Not a terminal: a buffer, as in the tests above, writes the workbook.
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer reads as a terminal")
	}
	code, stdout, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"), "-f", "xlsx")
	if code != 1 || !strings.HasPrefix(stdout, "PK\x03\x04") {
		t.Errorf("xlsx to a pipe: exit %d, stderr %q, stdout starts %q; want a zip", code, stderr, stdout[:min(4, len(stdout))])
	}
}
