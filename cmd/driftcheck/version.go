package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by a release build (-ldflags "-X main.version=… -X main.commit=…
// -X main.date=…", see .goreleaser.yaml); empty in a go build or go install,
// where the build information says the same.
var (
	version string
	commit  string
	date    string
)

// buildVersion is what "driftcheck --version" prints after the name: the
// module version (v1.2.0 from go install …@v1.2.0, "(devel)" from a clone),
// the VCS revision and its time when the build recorded them, "modified"
// when the tree had uncommitted changes, and the Go version and platform.
func buildVersion(info *debug.BuildInfo, ok bool) string {
	v, rev, when, modified := version, commit, date, false
	goVersion := runtime.Version()
	if ok {
		goVersion = info.GoVersion
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if rev == "" {
					rev = s.Value
				}
			case "vcs.time":
				if when == "" {
					when = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(unknown)"
	}
	var extra []string
	if rev != "" {
		extra = append(extra, "revision "+rev)
	}
	if when != "" {
		extra = append(extra, when)
	}
	if modified {
		extra = append(extra, "modified")
	}
	s := v
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return fmt.Sprintf("%s %s %s/%s", s, goVersion, runtime.GOOS, runtime.GOARCH)
}

func appVersion() string {
	info, ok := debug.ReadBuildInfo()
	return buildVersion(info, ok)
}
