package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/report"
)

// ConfigName is the configuration file check reads from the working
// directory when --config does not name one.
const ConfigName = ".driftcheck.toml"

// severityValue is a severity in the configuration file, checked as it is
// decoded (so that a bad one is an error naming its line).
type severityValue string

func (s *severityValue) UnmarshalText(b []byte) error {
	if _, err := drift.ParseSeverity(string(b)); err != nil {
		return err
	}
	*s = severityValue(b)
	return nil
}

// formatValue is a report format in the configuration file.
type formatValue string

func (f *formatValue) UnmarshalText(b []byte) error {
	if !slices.Contains(report.Formats, string(b)) {
		return fmt.Errorf("unknown format %q (want %s)", b, strings.Join(report.Formats, ", "))
	}
	*f = formatValue(b)
	return nil
}

// fileConfig is what the configuration file may set; see README
// "Configuration file".
type fileConfig struct {
	Lexicons         []string      `toml:"lexicons"`
	NoDefaultLexicon bool          `toml:"no-default-lexicon"`
	Level            severityValue `toml:"level"`
	FailOn           severityValue `toml:"fail-on"`
	Format           formatValue   `toml:"format"`
	Output           string        `toml:"output"`
	Baseline         string        `toml:"baseline"`
	SARIFRoot        string        `toml:"sarif-root"`
	Reports          []struct {
		Format formatValue `toml:"format"`
		Output string      `toml:"output"`
	} `toml:"report"`
}

// extraReport is a report the configuration file asks for besides the one
// of --format and --output.
type extraReport struct {
	format, output string
}

// applyConfig reads the configuration file (--config FILE, else
// .driftcheck.toml in the working directory when there is one) and sets
// each option it gives that the command line does not: flags override the
// file. Relative paths in the file are relative to its directory. It
// returns the file's extra reports.
func applyConfig(c *cli.Context) ([]extraReport, error) {
	path := c.String("config")
	if path == "" {
		if _, err := os.Stat(ConfigName); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		path = ConfigName
	}
	cfg, err := readConfig(path)
	if err != nil {
		return nil, &codeError{exitError, err}
	}
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	set := func(flag, value string) error {
		if value == "" || c.IsSet(flag) {
			return nil
		}
		return c.Set(flag, value)
	}
	if !c.IsSet("lexicon") {
		for _, l := range cfg.Lexicons {
			if err := c.Set("lexicon", rel(l)); err != nil {
				return nil, err
			}
		}
	}
	if cfg.NoDefaultLexicon {
		if err := set("no-default-lexicon", "true"); err != nil {
			return nil, err
		}
	}
	for _, kv := range [][2]string{
		{"level", string(cfg.Level)}, {"fail-on", string(cfg.FailOn)}, {"format", string(cfg.Format)},
		{"output", rel(cfg.Output)}, {"baseline", rel(cfg.Baseline)}, {"sarif-root", rel(cfg.SARIFRoot)},
	} {
		if err := set(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	var extra []extraReport
	for i, r := range cfg.Reports {
		if r.Format == "" || r.Output == "" {
			return nil, &codeError{exitError, fmt.Errorf("%s: report %d: a [[report]] needs both format and output", path, i+1)}
		}
		extra = append(extra, extraReport{string(r.Format), rel(r.Output)})
	}
	return extra, nil
}

// readConfig decodes the configuration file at path: a TOML error, a bad
// value or a key driftcheck does not know is an error naming the file, the
// line and the key.
func readConfig(path string) (*fileConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--config: %w", err)
	}
	var cfg fileConfig
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.LastKey != "" {
				msg = pe.LastKey + ": " + msg
			}
			return nil, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, msg)
		}
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "toml: "))
	}
	if un := md.Undecoded(); len(un) > 0 {
		key := un[0]
		if line := keyLine(data, key); line > 0 {
			return nil, fmt.Errorf("%s:%d: unknown key %q", path, line, key.String())
		}
		return nil, fmt.Errorf("%s: unknown key %q", path, key.String())
	}
	return &cfg, nil
}

// keyLine returns the line of data that defines key (a key = value line in
// its table, or the table's header), 0 when it is not found: the TOML
// library does not say where an unknown key is.
func keyLine(data []byte, key toml.Key) int {
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			table = strings.Trim(strings.SplitN(line, "#", 2)[0], "[] \t")
			if table == key.String() {
				return n
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		if u, err := strconv.Unquote(name); err == nil {
			name = u
		}
		full := name
		if table != "" {
			full = table + "." + name
		}
		if full == key.String() || table == "" && strings.HasPrefix(key.String(), name+".") {
			return n
		}
	}
	return 0
}
