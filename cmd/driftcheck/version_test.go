package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123abc"},
		{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got, want := buildVersion(info, true), "v1.2.0 (revision 0123abc, 2026-12-01T10:00:00Z, modified) go1.26.8 "+platform; got != want {
		t.Errorf("build info:\n got %q\nwant %q", got, want)
	}
	// go install …@v1.2.0: a module version, no VCS information.
	bare := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}
	if got, want := buildVersion(bare, true), "v1.2.0 go1.26.8 "+platform; got != want {
		t.Errorf("module only:\n got %q\nwant %q", got, want)
	}
	if got, want := buildVersion(nil, false), "(unknown) "+runtime.Version()+" "+platform; got != want {
		t.Errorf("no build info:\n got %q\nwant %q", got, want)
	}
	// A release build's -X main.version wins over the module's "(devel)".
	version = "1.3.0"
	defer func() { version = "" }()
	devel := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	if got, want := buildVersion(devel, true), "1.3.0 go1.26.8 "+platform; got != want {
		t.Errorf("release:\n got %q\nwant %q", got, want)
	}
}

func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		code, stdout, stderr := runCmd(t, flag)
		if code != 0 || stderr != "" || stdout != "driftcheck version "+appVersion()+"\n" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", flag, code, stdout, stderr)
		}
	}
	if !strings.Contains(appVersion(), runtime.Version()) {
		t.Errorf("appVersion %q does not name the Go version", appVersion())
	}
}
