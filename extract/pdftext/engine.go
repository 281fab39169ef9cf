package pdftext

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/emscripten"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// pdfiumWASM is the PDFium WebAssembly module shipped with
// github.com/klippa-app/go-pdfium v1.21.4 (internal/pdfium_wasm/pdfium.wasm,
// sha256 e6f77e01…88ade), gzip-compressed. See NOTICE.
//
//go:embed pdfium.wasm.gz
var pdfiumWASM []byte

// Limits of one read. They are variables so that tests can lower them.
var (
	readTimeout      = 2 * time.Minute // wall time of one Read inside pdfium
	memoryLimitPages = uint32(8192)    // 512 MiB of WebAssembly memory
	// maxPageChars is the most characters of one page: twenty times the
	// densest page of the layout corpus (4671), thirty times a page of a
	// UN resolution.
	maxPageChars       = 100_000
	recycleMemoryBytes = uint32(256 << 20)
)

// memoryLimit is the most bytes of memory PDFium may use.
func memoryLimit() uint64 { return uint64(memoryLimitPages) << 16 }

// engine is one wazero runtime with the compiled PDFium module and at most
// one live instance of it. Calls are serialised by mu: a PDFium instance is
// single-threaded.
type engine struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule

	mu   sync.Mutex
	inst *instance
}

// instance is an instantiated PDFium module with FPDF_InitLibrary called.
type instance struct {
	mod   api.Module
	ctx   context.Context // per-read context, set while a read runs
	fn    map[string]api.Function
	limit uint64 // bytes of memory it may use
}

// minReservation is the smallest memory reservation tried: less than
// PDFium needs for most files.
const minReservation = 64 << 20

var (
	sharedOnce   sync.Once
	sharedEngine *engine
	sharedErr    error
)

// getEngine returns the process-wide engine, creating it on first use
// with the cache directory of the first caller.
func getEngine(cacheDir string) (*engine, error) {
	sharedOnce.Do(func() {
		sharedEngine, sharedErr = newEngine(cacheDir)
	})
	return sharedEngine, sharedErr
}

// CacheDirEnv names the environment variable that sets the directory
// driftcheck caches in (a container's writable volume, a cluster's scratch
// space): the compiled PDFium module goes to $DRIFTCHECK_CACHE_DIR/wazero.
// It takes precedence over the user cache directory, not over
// Options.CacheDir.
const CacheDirEnv = "DRIFTCHECK_CACHE_DIR"

// cacheDirFor resolves Options.CacheDir: "" means $DRIFTCHECK_CACHE_DIR/wazero
// when that variable is set, else the user cache directory. It returns ""
// when no usable directory exists (then nothing is cached).
func cacheDirFor(dir string) string {
	if dir == "" {
		if base := os.Getenv(CacheDirEnv); base != "" {
			dir = filepath.Join(base, "wazero")
		} else {
			base, err := os.UserCacheDir()
			if err != nil {
				return ""
			}
			dir = filepath.Join(base, "driftcheck", "wazero")
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	return dir
}

// notice receives the one line a process says when its first PDF needs
// PDFium compiled (SetNotice).
var notice atomic.Pointer[func(msg string)]

// SetNotice sets the function that receives a notice for the user when the
// first PDF of the process needs PDFium compiled, the cache being cold or
// absent: that takes several seconds, which would otherwise look like a
// hang. nil: no notice (the default).
func SetNotice(f func(msg string)) {
	if f == nil {
		notice.Store(nil)
		return
	}
	notice.Store(&f)
}

// compileNotice is the notice for compiling PDFium with the cache
// directory dir ("" for none); "" when dir holds a compiled module for
// this wazero.
func compileNotice(dir string) string {
	if dir == "" {
		return "compiling the PDF reader (about 6 s); it cannot be cached: no writable cache directory (set " + CacheDirEnv + ")"
	}
	// wazero keeps its compiled modules in a directory of its version,
	// architecture and system (wazero's cache.go); PDFium is the only
	// module driftcheck compiles, so a file there is a warm cache.
	sub := filepath.Join(dir, "wazero-"+wazeroVersion()+"-"+runtime.GOARCH+"-"+runtime.GOOS)
	if es, err := os.ReadDir(sub); err == nil {
		for _, e := range es {
			if e.Type().IsRegular() {
				return ""
			}
		}
	}
	return "compiling the PDF reader once (about 6 s); cached in " + dir
}

// wazeroVersion is the version wazero names its cache directory after: the
// one of the wazero module in the build, "dev" when there is none.
func wazeroVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/tetratelabs/wazero" && d.Version != "" && d.Version != "(devel)" {
				return d.Version
			}
		}
	}
	return "dev"
}

// newEngine decompresses and compiles the PDFium module. With a cache
// directory, wazero keeps the compiled machine code there and later
// processes skip the compilation (about 3 s).
func newEngine(cacheDir string) (*engine, error) {
	zr, err := gzip.NewReader(bytes.NewReader(pdfiumWASM))
	if err != nil {
		return nil, fmt.Errorf("pdf reader: embedded PDFium module: %w", err)
	}
	wasm, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("pdf reader: embedded PDFium module: %w", err)
	}
	ctx := context.Background()
	cfg := wazero.NewRuntimeConfig().
		// The module lowers setjmp/longjmp to exception handling.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(memoryLimitPages)
	dir := cacheDirFor(cacheDir)
	if dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			cfg = cfg.WithCompilationCache(cache)
		} else {
			dir = ""
		}
	}
	if f := notice.Load(); f != nil {
		if msg := compileNotice(dir); msg != "" {
			(*f)(msg)
		}
	}
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	fail := func(what string, err error) (*engine, error) {
		rt.Close(ctx)
		return nil, fmt.Errorf("pdf reader: %s: %w", what, err)
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return fail("WASI", err)
	}
	compiled, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		return fail("compiling PDFium", err)
	}
	// "env": the Emscripten functions, and the PDFium callbacks
	// (FPDF_FILEACCESS_CB, form-fill and timer callbacks …). The
	// callbacks are only called when a document is opened through a
	// custom file reader or a form environment is set up; this reader does
	// neither, so they trap if ever called.
	env := rt.NewHostModuleBuilder("env")
	exp, err := emscripten.NewFunctionExporterForModule(compiled)
	if err != nil {
		return fail("Emscripten imports", err)
	}
	exp.ExportFunctions(env)
	for _, f := range compiled.ImportedFunctions() {
		mod, name, _ := f.Import()
		if mod != "env" || !strings.HasSuffix(name, "_CB") {
			continue
		}
		env.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(context.Context, api.Module, []uint64) {
				panic("pdf reader: unexpected PDFium callback " + name)
			}), f.ParamTypes(), f.ResultTypes()).
			Export(name)
	}
	if _, err := env.Instantiate(ctx); err != nil {
		return fail("Emscripten imports", err)
	}
	return &engine{rt: rt, compiled: compiled}, nil
}

// close releases the runtime (used by benchmarks that create engines).
func (e *engine) close() {
	e.rt.Close(context.Background())
}

var exported = []string{
	"malloc", "free",
	"FPDF_InitLibrary", "FPDF_LoadMemDocument", "FPDF_GetLastError", "FPDF_GetPageCount", "FPDF_DocumentHasValidCrossReferenceTable",
	"FPDF_LoadPage", "FPDF_ClosePage", "FPDF_CloseDocument", "FPDF_GetPageWidthF", "FPDF_GetPageHeightF",
	"FPDFText_LoadPage", "FPDFText_ClosePage", "FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_GetText",
	"FPDFText_IsGenerated", "FPDFText_GetCharBox", "FPDFText_GetCharOrigin", "FPDFText_GetFontSize", "FPDFText_GetLooseCharBox", "FPDFText_GetMatrix",
	"FPDFText_GetTextObject", "FPDFTextObj_GetFont", "FPDFFont_GetBaseFontName", "FPDFFont_GetFlags",
}

// instantiate creates a fresh PDFium instance. The module sees an empty
// file system: the PDF is passed as bytes.
func (e *engine) instantiate() (*instance, error) {
	inst := &instance{ctx: context.Background(), fn: map[string]api.Function{}}
	cfg := wazero.NewModuleConfig().
		WithStartFunctions("_initialize").
		WithFSConfig(wazero.NewFSConfig()).
		WithStdout(io.Discard).WithStderr(io.Discard).
		WithName("")
	ctx := context.Background()
	inst.limit = memoryLimit()
	// Under an address-space limit (RLIMIT_AS) the whole reservation may
	// not fit: a smaller one is a lower limit, better than wazero's
	// copying growth, which would take the Go heap past that limit.
	for size := memoryLimit(); size >= minReservation; size /= 2 {
		if m := reserveMemory(size); m != nil {
			inst.limit = size
			ctx = experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(func(_, _ uint64) experimental.LinearMemory {
				return m
			}))
			break
		}
	}
	mod, err := e.rt.InstantiateModule(ctx, e.compiled, cfg)
	if err != nil {
		return nil, err
	}
	inst.mod = mod
	for _, name := range exported {
		f := mod.ExportedFunction(name)
		if f == nil {
			mod.Close(context.Background())
			return nil, fmt.Errorf("PDFium module lacks %s", name)
		}
		inst.fn[name] = f
	}
	if _, err := inst.fn["FPDF_InitLibrary"].Call(context.Background()); err != nil {
		mod.Close(context.Background())
		return nil, err
	}
	return inst, nil
}

// errTrap marks a failure inside the WebAssembly module (a trap, a
// closed module, memory exhausted, the time limit).
type errTrap struct{ err error }

func (e errTrap) Error() string { return e.err.Error() }
func (e errTrap) Unwrap() error { return e.err }

// call calls an exported PDFium function; a failure panics with errTrap,
// which withDoc turns into an error.
func (in *instance) call(name string, args ...uint64) uint64 {
	res, err := in.fn[name].Call(in.ctx, args...)
	if err != nil {
		panic(errTrap{err})
	}
	if len(res) == 0 {
		return 0
	}
	return res[0]
}

// fast calls a PDFium function that does constant work (a character's
// code or box) without the time limit: watching the deadline costs a
// goroutine per call. Loops of fast calls check the deadline themselves.
func (in *instance) fast(name string, args ...uint64) uint64 {
	res, err := in.fn[name].Call(context.Background(), args...)
	if err != nil {
		panic(errTrap{err})
	}
	if len(res) == 0 {
		return 0
	}
	return res[0]
}

func (in *instance) malloc(n int) uint32 {
	p := uint32(in.call("malloc", uint64(n)))
	if p == 0 {
		panic(errTrap{errors.New("out of memory")})
	}
	return p
}

func (in *instance) f32(ptr uint32) float64 {
	v, ok := in.mod.Memory().ReadUint32Le(ptr)
	if !ok {
		panic(errTrap{errors.New("memory read out of range")})
	}
	return float64(math.Float32frombits(v))
}

func (in *instance) f64(ptr uint32) float64 {
	v, ok := in.mod.Memory().ReadFloat64Le(ptr)
	if !ok {
		panic(errTrap{errors.New("memory read out of range")})
	}
	return v
}

// run runs fn with a PDFium instance, serialised with other reads. A trap
// or panic inside discards the instance (its memory may be in any state);
// the time limit closes the module.
func (e *engine) run(fn func(in *instance) error) (err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.inst == nil {
		in, err := e.instantiate()
		if err != nil {
			return fmt.Errorf("pdf reader: starting PDFium: %w", err)
		}
		e.inst = in
	}
	in := e.inst
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	in.ctx = ctx
	defer func() {
		in.ctx = context.Background()
		if r := recover(); r != nil {
			used := uint64(in.mod.Memory().Size())
			in.mod.Close(context.Background())
			e.inst = nil
			if ctx.Err() != nil {
				err = fmt.Errorf("%w: reading took longer than %v", extract.ErrLimit, readTimeout)
				return
			}
			if _, ok := r.(errTrap); ok && used > in.limit/4 {
				// PDFium stops (a trap) when an allocation fails; a
				// request that fails is at most twice what it already
				// holds when buffers grow by doubling.
				err = fmt.Errorf("%w: PDFium ran out of memory on this file (%d MiB used; the limit is %d MiB)", extract.ErrLimit, used>>20, in.limit>>20)
				return
			}
			if t, ok := r.(errTrap); ok {
				err = fmt.Errorf("%w: PDFium failed on this file (%w)", extract.ErrCorrupt, shortError{t})
				return
			}
			if e, ok := r.(error); ok {
				err = fmt.Errorf("%w: PDFium failed on this file (%w)", extract.ErrCorrupt, shortError{e})
				return
			}
			err = fmt.Errorf("%w: PDFium failed on this file (%s)", extract.ErrCorrupt, oneLine(fmt.Sprint(r)))
			return
		}
		// Give memory back after a large file.
		if in.mod.Memory().Size() > recycleMemoryBytes {
			in.mod.Close(context.Background())
			e.inst = nil
		}
	}()
	return fn(in)
}

// shortError is err quoted in a message: its text through oneLine, and
// err (PDFium's trap, wazero's error) still reachable with errors.Is and
// errors.As.
type shortError struct{ err error }

func (e shortError) Error() string { return oneLine(e.err.Error()) }
func (e shortError) Unwrap() error { return e.err }

// oneLine puts s on one line of at most 200 bytes, without the wasm stack
// trace that wazero appends to its errors.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, " wasm stack trace:"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// char is one character of a page, in PDF user space (points, origin at
// the bottom left of the page).
type char struct {
	r                        rune
	gen                      bool // inserted by PDFium (space or line break), not in the PDF
	left, right, bottom, top float64
	x, y                     float64 // origin: start of the glyph on the baseline
	size                     float64
	bold                     bool // set in a bold font
}

// page is the characters of one page.
type page struct {
	w, h  float64
	chars []char
}

// PDFium error codes (FPDF_GetLastError).
const (
	errPassword = 4
	errSecurity = 5
)

// config is what one read may do.
type config struct {
	maxPages     int
	maxChars     int    // characters over all pages
	maxParas     int    // paragraphs of the document
	allowDamaged bool   // read a damaged PDF as far as it goes, with warnings
	damage       string // damage found in the file's structure (checkStructure), or ""
}

// reading is the state of one document being read.
type reading struct {
	config
	doc      uint32
	scratch  uint32
	chars    int      // characters read so far
	warnings []string // damage found, with allowDamaged
}

// damaged records damage: an error, or with allowDamaged a warning.
func (rd *reading) damaged(what string) error {
	if !rd.allowDamaged {
		return fmt.Errorf("%w: the PDF is damaged (%s); pass --allow-damaged to read what can be read", extract.ErrCorrupt, what)
	}
	rd.warnings = append(rd.warnings, "the PDF is damaged ("+what+"): the text read from it may be incomplete")
	return nil
}

// read loads the document and returns the characters of each page, and
// with allowDamaged what damage was found.
func (e *engine) read(data []byte, cfg config) (pages []page, warnings []string, err error) {
	err = e.run(func(in *instance) error {
		buf := in.malloc(len(data))
		defer in.call("free", uint64(buf))
		if !in.mod.Memory().Write(buf, data) {
			panic(errTrap{errors.New("memory write out of range")})
		}
		doc := uint32(in.call("FPDF_LoadMemDocument", uint64(buf), uint64(len(data)), 0))
		if doc == 0 {
			switch code := uint32(in.call("FPDF_GetLastError")); code {
			case errPassword, errSecurity:
				return fmt.Errorf("%w", extract.ErrEncrypted)
			default:
				return fmt.Errorf("%w: PDFium cannot open it (%s)", extract.ErrCorrupt, pdfiumError(code))
			}
		}
		defer in.call("FPDF_CloseDocument", uint64(doc))
		rd := &reading{config: cfg, doc: doc}
		if cfg.damage != "" {
			if err := rd.damaged(cfg.damage); err != nil {
				return err
			}
		}
		if in.call("FPDF_DocumentHasValidCrossReferenceTable", uint64(doc)) == 0 {
			// PDFium rebuilt it by scanning the file: objects the table
			// lost (a cut file, wrong offsets) are silently missing.
			if err := rd.damaged("its cross-reference table was rebuilt"); err != nil {
				return err
			}
		}
		n := int(int32(uint32(in.call("FPDF_GetPageCount", uint64(doc)))))
		if n > cfg.maxPages {
			return fmt.Errorf("%w: %d pages (the limit is %d)", extract.ErrLimit, n, cfg.maxPages)
		}
		if n <= 0 {
			return fmt.Errorf("%w: the PDF has no pages", extract.ErrEmpty)
		}
		rd.scratch = in.malloc(96)
		defer in.call("free", uint64(rd.scratch))
		for i := 0; i < n; i++ {
			p, err := in.readPage(rd, i)
			if err != nil {
				return err
			}
			pages = append(pages, p)
		}
		warnings = rd.warnings
		return nil
	})
	return pages, warnings, err
}

// readPage returns the characters of page i (0-based). A page that cannot
// be loaded, or whose text cannot, is damage (see reading.damaged); read
// anyway, it has no characters.
func (in *instance) readPage(rd *reading, i int) (page, error) {
	pg := uint32(in.call("FPDF_LoadPage", uint64(rd.doc), uint64(i)))
	if pg == 0 {
		return page{}, rd.damaged(fmt.Sprintf("page %d cannot be loaded", i+1))
	}
	defer in.call("FPDF_ClosePage", uint64(pg))
	p := page{
		w: float64(math.Float32frombits(uint32(in.call("FPDF_GetPageWidthF", uint64(pg))))),
		h: float64(math.Float32frombits(uint32(in.call("FPDF_GetPageHeightF", uint64(pg))))),
	}
	tp := uint32(in.call("FPDFText_LoadPage", uint64(pg)))
	if tp == 0 {
		return p, rd.damaged(fmt.Sprintf("the text of page %d cannot be read", i+1))
	}
	defer in.call("FPDFText_ClosePage", uint64(tp))
	n := int(int32(uint32(in.call("FPDFText_CountChars", uint64(tp)))))
	if n <= 0 {
		return p, nil
	}
	if n > maxPageChars {
		return p, fmt.Errorf("%w: page %d has %d characters (the limit is %d a page)", extract.ErrLimit, i+1, n, maxPageChars)
	}
	rd.chars += n
	if rd.chars > rd.maxChars {
		return p, fmt.Errorf("%w: more than %d characters of text (the limit per file)", extract.ErrLimit, rd.maxChars)
	}
	scratch := rd.scratch
	// Every call into the module costs a goroutine (the time limit), so
	// the codes come in one call and each character costs three: its
	// box, its origin and its text object.
	codes := in.text(tp, n)
	p.chars = make([]char, 0, n)
	var hi rune // pending high surrogate
	var lastObj uint32
	var lastSize float64
	var lastBold bool
	bolds := map[uint32]bool{}
	for k := 0; k < n; k++ {
		if k%4096 == 0 && in.ctx.Err() != nil {
			panic(errTrap{in.ctx.Err()})
		}
		var u rune
		if codes != nil {
			u = rune(codes[k])
		}
		if codes == nil || u <= 0x20 || u >= 0xFFFE {
			// GetText rewrites some codes (the hyphen PDFium marks
			// 0x02 at a line end); take those one by one.
			u = rune(uint32(in.fast("FPDFText_GetUnicode", uint64(tp), uint64(k))))
		}
		switch {
		case u >= 0xD800 && u < 0xDC00:
			hi = u
			continue
		case u >= 0xDC00 && u < 0xE000:
			if hi == 0 {
				continue
			}
			u = 0x10000 + (hi-0xD800)<<10 + (u - 0xDC00)
		}
		hi = 0
		if u < 0x20 && u != 0x02 {
			continue // PDFium's line breaks; lines are rebuilt from positions
		}
		c := char{r: u}
		if in.fast("FPDFText_GetCharBox", uint64(tp), uint64(k), uint64(scratch), uint64(scratch+8), uint64(scratch+16), uint64(scratch+24)) != 0 {
			c.left, c.right, c.bottom, c.top = in.f64(scratch), in.f64(scratch+8), in.f64(scratch+16), in.f64(scratch+24)
		}
		if isSpace(u) {
			// Spaces carry no font size or baseline of their own here.
			c.gen = in.fast("FPDFText_IsGenerated", uint64(tp), uint64(k)) == 1
			c.x, c.y = c.left, c.bottom
			p.chars = append(p.chars, c)
			continue
		}
		if in.fast("FPDFText_GetCharOrigin", uint64(tp), uint64(k), uint64(scratch+32), uint64(scratch+40)) != 0 {
			c.x, c.y = in.f64(scratch+32), in.f64(scratch+40)
		} else {
			c.x, c.y = c.left, c.bottom
		}
		// The size and weight come from the text object (a run of glyphs
		// in one font, size and matrix), once per object: each call into
		// the module costs about a microsecond.
		if obj := uint32(in.fast("FPDFText_GetTextObject", uint64(tp), uint64(k))); obj == 0 || obj != lastObj {
			lastObj, lastSize, lastBold = obj, in.drawnSize(tp, k, scratch), false
			if obj != 0 {
				lastBold = in.fontBold(uint32(in.fast("FPDFTextObj_GetFont", uint64(obj))), scratch, bolds)
			}
		}
		c.size, c.bold = lastSize, lastBold
		if c.size < 3 {
			// A font scaled by the text matrix (OCR layers use 1 pt
			// fonts): take the height of the font's box instead.
			if in.fast("FPDFText_GetLooseCharBox", uint64(tp), uint64(k), uint64(scratch+48)) != 0 {
				top := in.f32(scratch + 52)
				bottom := in.f32(scratch + 60)
				if h := top - bottom; h > c.size && h < 1000 {
					c.size = h / 1.2
				}
			}
		}
		p.chars = append(p.chars, c)
	}
	return p, nil
}

// drawnSize returns the size the glyphs of character k are drawn at: the
// font size scaled by the character's matrix (a browser writes 10 pt as
// 13.33 px under a 0.75 scale). Not for the 1 pt fonts of OCR layers,
// scaled word by word: their size comes from the font's box (readPage).
func (in *instance) drawnSize(tp uint32, k int, scratch uint32) float64 {
	size := math.Float64frombits(in.fast("FPDFText_GetFontSize", uint64(tp), uint64(k)))
	if size >= 3 && in.fast("FPDFText_GetMatrix", uint64(tp), uint64(k), uint64(scratch+64)) != 0 {
		// The height of the em square: the matrix's y axis (a
		// horizontal scale, Tz, leaves it alone).
		cc, d := in.f32(scratch+72), in.f32(scratch+76)
		if sc := math.Hypot(cc, d); sc > 0.01 && sc < 100 {
			size *= sc
		}
	}
	return size
}

// fontBold reports whether a font is bold: by its flags (ForceBold) or
// its name ("…+LiberationSerif-Bold", "TimesNewRomanPS-BoldMT";
// LibreOffice and Chromium write no weight). known caches the answer by
// font handle.
func (in *instance) fontBold(font, scratch uint32, known map[uint32]bool) bool {
	if font == 0 {
		return false
	}
	if b, ok := known[font]; ok {
		return b
	}
	// Not FPDFFont_GetWeight: it guesses a weight from the stems where
	// the file has none (704 for Chromium's regular text).
	b := false
	if f := uint32(in.fast("FPDFFont_GetFlags", uint64(font))); f != 0xFFFFFFFF && f&(1<<18) != 0 {
		b = true
	}
	if !b {
		const size = 128
		buf := in.malloc(size)
		n := int(in.fast("FPDFFont_GetBaseFontName", uint64(font), uint64(buf), size))
		if n > 1 && n <= size {
			if raw, ok := in.mod.Memory().Read(buf, uint32(n-1)); ok {
				b = boldName(string(raw))
				if debugFont != nil {
					debugFont(string(raw), b)
				}
			}
		}
		in.fast("free", uint64(buf))
	}
	known[font] = b
	return b
}

// debugFont, when set (by a debugging test), is told each font's name.
var debugFont func(name string, bold bool)

// boldName reports whether a PostScript font name names a bold face.
func boldName(name string) bool {
	if i := strings.IndexByte(name, '+'); i >= 0 {
		name = name[i+1:] // the subset tag
	}
	n := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// text returns the UTF-16 codes of the n characters of a text page, one
// per character index, or nil when PDFium does not give exactly that.
func (in *instance) text(tp uint32, n int) []uint16 {
	buf := in.malloc(2 * (n + 1))
	defer in.fast("free", uint64(buf))
	got := int(int32(uint32(in.call("FPDFText_GetText", uint64(tp), 0, uint64(n), uint64(buf)))))
	if got != n+1 {
		return nil
	}
	raw, ok := in.mod.Memory().Read(buf, uint32(2*n))
	if !ok {
		return nil
	}
	codes := make([]uint16, n)
	for i := range codes {
		codes[i] = uint16(raw[2*i]) | uint16(raw[2*i+1])<<8
	}
	return codes
}

func pdfiumError(code uint32) string {
	switch code {
	case 2:
		return "file error"
	case 3:
		return "not a PDF or broken structure"
	case 6:
		return "page error"
	default:
		return "unknown error"
	}
}
