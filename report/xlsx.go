package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// XLSXSheet is the name of the one sheet of the XLSX report.
const XLSXSheet = "findings"

// XLSX writes the findings as an Excel workbook: one sheet, XLSXSheet,
// with the columns of the CSV report (CSVHeader) and its header row frozen
// and bold. Lines, columns, pages and the score are numbers; a cell with
// nothing to say is empty. The workbook is binary: the command line writes
// it to a terminal only through --output.
func XLSX(w io.Writer, in Input) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", XLSXSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(XLSXSheet)
	if err != nil {
		return err
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	header := make([]any, len(CSVHeader))
	for i, h := range CSVHeader {
		header[i] = h
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{StyleID: bold}); err != nil {
		return err
	}
	for i, r := range rows(in) {
		cells := make([]any, len(r))
		for j, v := range r {
			switch v := v.(type) {
			case string:
				if v != "" {
					cells[j] = v
				}
			case int:
				if v != 0 {
					cells[j] = v
				}
			case float64:
				// Rounded as the CSV report shows it (0.9125 is 0.912
				// there: math.Round of v*1000 would say 0.913).
				cells[j], _ = strconv.ParseFloat(strconv.FormatFloat(v, 'f', 3, 64), 64)
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("row %d: %w", i+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
