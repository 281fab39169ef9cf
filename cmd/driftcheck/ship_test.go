package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// The tests of how driftcheck is shipped: the static binary and its
// version, the root file system the Dockerfile describes, the Kubernetes and
// Slurm recipes in docs/ and the GitHub Action's script.

// buildStatic builds driftcheck as a release does (no cgo, VCS information
// stamped when the tree is a git checkout) into dir.
func buildStatic(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "driftcheck")
	var out []byte
	for _, vcs := range []string{"-buildvcs=auto", "-buildvcs=false"} {
		cmd := exec.Command("go", "build", "-trimpath", vcs, "-o", bin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		var err error
		if out, err = cmd.CombinedOutput(); err == nil {
			return bin
		}
		// git unusable here (a dubious ownership): build without it.
		t.Logf("go build %s: %v\n%s", vcs, err, out)
	}
	t.Fatalf("go build failed")
	return ""
}

// runBin runs bin with args and only the environment env.
func runBin(t *testing.T, env []string, bin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("%s %q: %v", bin, args, err)
	}
	return code, o.String(), e.String()
}

// TestShipStaticBinary: the binary a release ships needs no dynamic loader
// nor library (so it runs on a distroless static image), and --version names
// the commit it was built from.
func TestShipStaticBinary(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF check: linux only")
	}
	bin := buildStatic(t, t.TempDir())
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("the binary asks for a dynamic loader (PT_INTERP): not static")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs shared libraries %q", libs)
	}

	code, stdout, stderr := runBin(t, nil, bin, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "driftcheck version ") || stderr != "" {
		t.Fatalf("--version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stdout, " "+runtime.Version()+" ") {
		t.Errorf("--version %q does not name the Go version %s", stdout, runtime.Version())
	}
	head, err := exec.Command("git", "-C", "../..", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Logf("no git checkout (%v): the revision is not checked", err)
		return
	}
	if rev := strings.TrimSpace(string(head)); !strings.Contains(stdout, "(revision "+rev) {
		t.Errorf("--version %q does not name the revision %s", stdout, rev)
	}
}

// dockerfile is what the final stage of the Dockerfile says.
type dockerfile struct {
	from, binary, cacheDir, cacheOwner, user string
	entrypoint                               []string
}

func readDockerfile(t *testing.T) dockerfile {
	t.Helper()
	data, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var d dockerfile
	var copies [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "FROM":
			d = dockerfile{from: f[1]} // only the last stage counts
			copies = nil
		case "COPY":
			copies = append(copies, f[1:])
		case "ENV":
			if v, ok := strings.CutPrefix(f[1], "DRIFTCHECK_CACHE_DIR="); ok {
				d.cacheDir = v
			}
		case "USER":
			d.user = f[1]
		case "ENTRYPOINT":
			if err := json.Unmarshal([]byte(strings.TrimSpace(strings.TrimPrefix(sc.Text(), "ENTRYPOINT"))), &d.entrypoint); err != nil {
				t.Fatalf("Dockerfile: ENTRYPOINT is not exec form: %v", err)
			}
		}
	}
	for _, c := range copies {
		dst := c[len(c)-1]
		owner := ""
		for _, a := range c {
			if v, ok := strings.CutPrefix(a, "--chown="); ok {
				owner = v
			}
		}
		switch {
		case dst == "/driftcheck":
			d.binary = dst
		case dst == d.cacheDir:
			d.cacheOwner = owner
		default:
			t.Errorf("Dockerfile: COPY %q: the image should hold the binary and the cache directory only", c)
		}
	}
	return d
}

// TestShipDockerRoot builds the root file system the Dockerfile describes
// (the static binary at /driftcheck, a cache directory that only the
// image's user may write, nothing else: no shell) and checks a PDF in it
// with chroot as that user, the input on a read-only "volume".
func TestShipDockerRoot(t *testing.T) {
	d := readDockerfile(t)
	if d.from != "gcr.io/distroless/static-debian12:nonroot" {
		t.Errorf("Dockerfile: final image %q, want gcr.io/distroless/static-debian12:nonroot", d.from)
	}
	if d.user != "65532:65532" && d.user != "nonroot" && d.user != "nonroot:nonroot" {
		t.Errorf("Dockerfile: USER %q, want the image's non-root user 65532", d.user)
	}
	if d.binary != "/driftcheck" || !slices.Equal(d.entrypoint, []string{"/driftcheck"}) {
		t.Errorf("Dockerfile: binary %q, entrypoint %q: want /driftcheck", d.binary, d.entrypoint)
	}
	if d.cacheDir == "" || d.cacheOwner != "65532:65532" {
		t.Fatalf("Dockerfile: DRIFTCHECK_CACHE_DIR %q owned by %q: want a directory of user 65532", d.cacheDir, d.cacheOwner)
	}
	if os.Geteuid() != 0 {
		t.Skip("chroot needs root (CI runs as root)")
	}
	chroot, err := exec.LookPath("chroot")
	if err != nil {
		t.Skip("no chroot on PATH")
	}

	root := t.TempDir()
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	buildStatic(t, root)
	cache := filepath.Join(root, d.cacheDir)
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(cache, 65532, 65532); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(root, "in")
	if err := os.Mkdir(in, 0o555); err != nil {
		t.Fatal(err)
	}
	const pdfs = "../../testdata/layout/lo-pdf/two-column/"
	for _, name := range []string{"res55-100.en.pdf", "res55-100.fr.pdf"} {
		data, err := os.ReadFile(pdfs + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), data, 0o444); err != nil {
			t.Fatal(err)
		}
	}

	env := []string{"DRIFTCHECK_CACHE_DIR=" + d.cacheDir}
	code, stdout, stderr := runBin(t, env, chroot, "--userspec=65532:65532", root,
		"/driftcheck", "check", "--voted", "/in/res55-100.en.pdf", "/in/res55-100.fr.pdf")
	if code > 1 || !strings.Contains(stdout, "finding(s)") {
		t.Fatalf("check in the image's root: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}

	// The compiled PDFium module went to the cache, as the image's user;
	// nothing else was written.
	cached := 0
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := e.Info()
		if err != nil {
			return err
		}
		uid := info.Sys().(*syscall.Stat_t).Uid
		switch {
		case rel == "." || rel == "driftcheck" || rel == "in" || filepath.Dir(rel) == "in":
			if uid != 0 {
				t.Errorf("/%s changed owner to %d", rel, uid)
			}
		case rel == strings.TrimPrefix(d.cacheDir, "/"):
		case strings.HasPrefix(rel, strings.TrimPrefix(d.cacheDir, "/")+"/"):
			if uid != 65532 {
				t.Errorf("/%s is owned by %d, not the image's user", rel, uid)
			}
			if e.Type().IsRegular() {
				cached++
			}
		default:
			t.Errorf("the run wrote /%s outside the cache directory", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cached == 0 {
		t.Errorf("nothing cached in %s: the PDF reader did not use DRIFTCHECK_CACHE_DIR", d.cacheDir)
	}
}

// TestShipCacheDirEnv: DRIFTCHECK_CACHE_DIR takes precedence over the user
// cache directory, outside a container too.
func TestShipCacheDirEnv(t *testing.T) {
	dir := t.TempDir()
	bin := buildStatic(t, dir)
	cache, xdg, home := filepath.Join(dir, "cache"), filepath.Join(dir, "xdg"), filepath.Join(dir, "home")
	for _, d := range []string{xdg, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"DRIFTCHECK_CACHE_DIR=" + cache, "XDG_CACHE_HOME=" + xdg, "HOME=" + home}
	const pdfs = "../../testdata/layout/lo-pdf/two-column/"
	code, stdout, stderr := runBin(t, env, bin, "check", "--voted", pdfs+"res55-100.en.pdf", pdfs+"res55-100.es.pdf")
	if code > 1 || !strings.Contains(stdout, "finding(s)") {
		t.Fatalf("check: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if files, _ := os.ReadDir(filepath.Join(cache, "wazero")); len(files) == 0 {
		t.Errorf("nothing in $DRIFTCHECK_CACHE_DIR/wazero")
	}
	for _, d := range []string{xdg, home} {
		if files, _ := os.ReadDir(d); len(files) != 0 {
			t.Errorf("the user cache directory %s was written although DRIFTCHECK_CACHE_DIR is set", d)
		}
	}
}

// shipManifest writes a manifest of n groups (the founding case, English
// voted and Chinese final, under n symbols) and returns its path.
func shipManifest(t *testing.T, dir string, n int) string {
	t.Helper()
	for _, name := range []string{"L36.en.txt", "RES.zh.txt"} {
		data, err := os.ReadFile(founding(name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	b.WriteString("symbol,role,lang,path\n")
	for i := range n {
		fmt.Fprintf(&b, "A/HRC/RES/%d,voted,en,L36.en.txt\nA/HRC/RES/%d,final,zh,RES.zh.txt\n", i, i)
	}
	p := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// mergedSymbols merges the shard directories and returns the symbols of the
// results, sorted.
func mergedSymbols(t *testing.T, bin, out string, shards []string) []string {
	t.Helper()
	code, _, stderr := runBin(t, nil, bin, append([]string{"batch", "merge", "--out", out}, shards...)...)
	if code != 0 {
		t.Fatalf("batch merge: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var syms []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r struct{ Symbol string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("merged line %q: %v", l, err)
		}
		syms = append(syms, r.Symbol)
	}
	slices.Sort(syms)
	return syms
}

func wantSymbols(n int) []string {
	var s []string
	for i := range n {
		s = append(s, fmt.Sprintf("A/HRC/RES/%d", i))
	}
	slices.Sort(s)
	return s
}

func asMap(t *testing.T, v any, what string) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: want a mapping, got %T", what, v)
	}
	return m
}

func asList(t *testing.T, v any, what string) []any {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("%s: want a sequence, got %T", what, v)
	}
	return l
}

// TestShipKubernetesJob reads docs/kubernetes-indexed-job.yaml and runs its
// container's command (the binary itself: the image has no shell) for every
// index, with the index expanded in args as Kubernetes does and /data a
// temporary directory: the shards together check every group once.
func TestShipKubernetesJob(t *testing.T) {
	data, err := os.ReadFile("../../docs/kubernetes-indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseYAML(string(data))
	if err != nil {
		t.Fatalf("docs/kubernetes-indexed-job.yaml: %v", err)
	}
	job := asMap(t, doc, "document")
	if job["apiVersion"] != "batch/v1" || job["kind"] != "Job" {
		t.Fatalf("not a batch/v1 Job: %v %v", job["apiVersion"], job["kind"])
	}
	spec := asMap(t, job["spec"], "spec")
	if spec["completionMode"] != "Indexed" {
		t.Errorf("completionMode %v, want Indexed", spec["completionMode"])
	}
	completions, _ := spec["completions"].(string)
	pod := asMap(t, asMap(t, spec["template"], "template")["spec"], "template.spec")
	containers := asList(t, pod["containers"], "containers")
	if len(containers) != 1 {
		t.Fatalf("%d containers, want 1", len(containers))
	}
	c := asMap(t, containers[0], "container")

	var argv []string
	for _, key := range []string{"command", "args"} {
		for _, a := range asList(t, c[key], key) {
			s, ok := a.(string)
			if !ok {
				t.Fatalf("%s: %v is not a string", key, a)
			}
			argv = append(argv, s)
		}
	}
	if argv[0] != "/driftcheck" || argv[1] != "batch" {
		t.Fatalf("command %q: want the binary /driftcheck and a subcommand (no shell in the image)", argv[:2])
	}
	if i := slices.Index(argv, "--shards"); i < 0 || argv[i+1] != completions {
		t.Errorf("args %q: want --shards %s (the number of completions)", argv, completions)
	}

	// JOB_COMPLETION_INDEX comes from the pod's annotation.
	indexFromAnnotation := false
	for _, e := range asList(t, c["env"], "env") {
		e := asMap(t, e, "env entry")
		if e["name"] != "JOB_COMPLETION_INDEX" {
			continue
		}
		ref := asMap(t, asMap(t, e["valueFrom"], "valueFrom")["fieldRef"], "fieldRef")
		indexFromAnnotation = ref["fieldPath"] == "metadata.annotations['batch.kubernetes.io/job-completion-index']"
	}
	if !indexFromAnnotation {
		t.Errorf("env: want JOB_COMPLETION_INDEX from fieldRef metadata.annotations['batch.kubernetes.io/job-completion-index']")
	}

	// With a read-only root, the cache directory of the image is a volume.
	mounts := map[string]bool{}
	for _, m := range asList(t, c["volumeMounts"], "volumeMounts") {
		mounts[asMap(t, m, "volumeMount")["mountPath"].(string)] = true
	}
	if sc, ok := c["securityContext"].(map[string]any); ok && sc["readOnlyRootFilesystem"] == "true" {
		if d := readDockerfile(t); !mounts[d.cacheDir] {
			t.Errorf("readOnlyRootFilesystem without a volume on the image's DRIFTCHECK_CACHE_DIR %s", d.cacheDir)
		}
	}

	// Run every index.
	dir := t.TempDir()
	bin := buildStatic(t, dir)
	data2 := filepath.Join(dir, "data")
	if err := os.MkdirAll(filepath.Join(data2, "archive"), 0o755); err != nil {
		t.Fatal(err)
	}
	const groups = 12
	shipManifest(t, filepath.Join(data2, "archive"), groups)
	n := 0
	fmt.Sscan(completions, &n)
	if n < 2 {
		t.Fatalf("completions %q", completions)
	}
	var shards []string
	for idx := range n {
		args := make([]string, 0, len(argv)-1)
		for _, a := range argv[1:] {
			a = strings.ReplaceAll(a, "$(JOB_COMPLETION_INDEX)", fmt.Sprint(idx))
			a = strings.ReplaceAll(a, "/data/", data2+"/")
			if strings.Contains(a, "$(") {
				t.Fatalf("arg %q: a variable the container does not define", a)
			}
			args = append(args, a)
		}
		env := []string{fmt.Sprintf("JOB_COMPLETION_INDEX=%d", idx), "DRIFTCHECK_CACHE_DIR=" + filepath.Join(dir, "cache")}
		code, _, stderr := runBin(t, env, bin, args...)
		if code != 0 {
			t.Fatalf("index %d: driftcheck %q: exit %d: %s", idx, args, code, stderr)
		}
		shards = append(shards, filepath.Join(data2, "out", fmt.Sprintf("shard-%d", idx)))
	}
	if got := mergedSymbols(t, bin, filepath.Join(dir, "results.jsonl"), shards); !slices.Equal(got, wantSymbols(groups)) {
		t.Errorf("the %d shards checked %q, want each of the %d groups once", n, got, groups)
	}
}

// TestShipSlurmArray runs docs/slurm-array.sh as a user does (it makes
// logs/ and submits itself to a fake sbatch), then as each task of the
// array with the variables Slurm sets.
func TestShipSlurmArray(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script, err := filepath.Abs("../../docs/slurm-array.sh")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	tasks := 0
	for _, l := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(l, "#SBATCH --array=0-"); ok {
			fmt.Sscan(v, &tasks)
			tasks++
		}
	}
	if tasks < 2 {
		t.Fatalf("no #SBATCH --array=0-N line")
	}
	dir := t.TempDir()
	bin := buildStatic(t, dir)
	work := filepath.Join(dir, "work")
	fake := filepath.Join(dir, "fakebin")
	for _, d := range []string{work, fake} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const groups = 12
	manifest := shipManifest(t, work, groups)
	out := filepath.Join(dir, "out")

	// Submission: the fake sbatch records its arguments, whether logs/
	// exists when it runs, and the paths it would pass to the job.
	record := filepath.Join(dir, "sbatch.txt")
	sbatch := "#!/bin/sh\n{ echo \"args: $*\"; test -d logs && echo logs: yes; echo \"env: $DRIFTCHECK $MANIFEST $OUT $SHARDS\"; } > " + record + "\n"
	if err := os.WriteFile(filepath.Join(fake, "sbatch"), []byte(sbatch), 0o755); err != nil {
		t.Fatal(err)
	}
	base := []string{"PATH=" + fake + ":" + os.Getenv("PATH"), "HOME=" + dir, "DRIFTCHECK_CACHE_DIR=" + filepath.Join(dir, "cache")}
	cmd := exec.Command(bash, script, "--array=3")
	cmd.Dir = work
	cmd.Env = append(base, "DRIFTCHECK="+bin, "MANIFEST="+manifest, "OUT="+out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("submitting: %v\n%s", err, b)
	}
	got, err := os.ReadFile(record)
	if err != nil {
		t.Fatalf("sbatch was not called: %v", err)
	}
	want := fmt.Sprintf("args: --export=ALL --array=3 %s\nlogs: yes\nenv: %s %s %s %d\n", script, bin, manifest, out, tasks)
	if string(got) != want {
		t.Errorf("sbatch saw\n%s\nwant\n%s", got, want)
	}

	// The tasks, as Slurm runs them: in the submission directory, with the
	// submitter's environment and the array's variables.
	var shards []string
	for id := range tasks {
		cmd := exec.Command(bash, script)
		cmd.Dir = work
		cmd.Env = append(base, "DRIFTCHECK="+bin, "MANIFEST="+manifest, "OUT="+out, "SHARDS="+fmt.Sprint(tasks),
			"SLURM_JOB_ID=100", "SLURM_ARRAY_JOB_ID=99", fmt.Sprintf("SLURM_ARRAY_TASK_ID=%d", id),
			fmt.Sprintf("SLURM_ARRAY_TASK_COUNT=%d", tasks), "SLURM_ARRAY_TASK_MIN=0",
			fmt.Sprintf("SLURM_ARRAY_TASK_MAX=%d", tasks-1), "SLURM_CPUS_PER_TASK=2", "SLURM_SUBMIT_DIR="+work)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("task %d: %v\n%s", id, err, b)
		}
		shards = append(shards, filepath.Join(out, fmt.Sprintf("shard-%d", id)))
	}
	if got := mergedSymbols(t, bin, filepath.Join(dir, "results.jsonl"), shards); !slices.Equal(got, wantSymbols(groups)) {
		t.Errorf("the %d tasks checked %q, want each of the %d groups once", tasks, got, groups)
	}
}
