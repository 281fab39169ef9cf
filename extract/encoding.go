package extract

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Canonical encoding names, as Detect returns them and DecodeAs accepts them.
const (
	encUTF8        = "utf-8"
	encUTF16LE     = "utf-16le"
	encUTF16BE     = "utf-16be"
	encUTF16       = "utf-16" // byte-order mark, else detected from NUL bytes
	encGB18030     = "gb18030"
	encGBK         = "gbk"
	encBig5        = "big5"
	encWindows1251 = "windows-1251"
	encWindows1256 = "windows-1256"
)

// aliases maps an encoding name, lower-cased with "-", "_" and spaces
// removed, to its canonical name.
var aliases = map[string]string{
	"utf8": encUTF8, "utf16le": encUTF16LE, "utf16be": encUTF16BE, "utf16": encUTF16,
	"unicode": encUTF16, "ucs2": encUTF16, "ucs2le": encUTF16LE, "ucs2be": encUTF16BE,
	"gb18030": encGB18030, "gb2312": encGB18030, "euccn": encGB18030, "hzgb2312": encGB18030,
	"gbk": encGBK, "cp936": encGBK, "windows936": encGBK, "xgbk": encGBK, "ms936": encGBK,
	"big5": encBig5, "cp950": encBig5, "big5hkscs": encBig5, "xxbig5": encBig5, "csbig5": encBig5,
	"windows1251": encWindows1251, "cp1251": encWindows1251, "win1251": encWindows1251, "xcp1251": encWindows1251,
	"windows1256": encWindows1256, "cp1256": encWindows1256, "win1256": encWindows1256, "xcp1256": encWindows1256,
}

// Encodings returns the canonical names of the encodings DecodeAs
// accepts. DecodeAs also takes "" or "auto" (detect), "utf-16" (byte-order
// mark, else detected byte order) and aliases: utf8, cp936 and x-gbk (gbk),
// gb2312 and euc-cn (read as gb18030, of which they are subsets), cp950 and
// big5-hkscs (big5), cp1251, win1251, cp1256, win1256. Case, "-" and "_"
// in names do not matter.
func Encodings() []string {
	return []string{encUTF8, encUTF16LE, encUTF16BE, encGB18030, encGBK, encBig5, encWindows1251, encWindows1256}
}

// canonical returns the canonical name of enc, "" for auto-detection, or
// an error for a name it does not know.
func canonical(enc string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(enc))
	if k == "" || k == "auto" {
		return "", nil
	}
	k = strings.NewReplacer("-", "", "_", "", " ", "").Replace(k)
	if c, ok := aliases[k]; ok {
		return c, nil
	}
	return "", &UnknownEncodingError{Name: enc, listKnown: true}
}

// UnknownEncodingError is the error of DecodeAs for an encoding name it
// does not know. It wraps ErrEncoding.
type UnknownEncodingError struct {
	Name      string // as given
	listKnown bool   // the text lists the names DecodeAs knows
}

func (e *UnknownEncodingError) Error() string {
	if e.listKnown {
		return fmt.Sprintf("%v: unknown encoding %q (known: %s, or auto)", ErrEncoding, e.Name, strings.Join(Encodings(), ", "))
	}
	return fmt.Sprintf("%v: unknown encoding %q", ErrEncoding, e.Name)
}

func (e *UnknownEncodingError) Unwrap() error { return ErrEncoding }

// legacy is an encoding of more than ASCII that has no byte-order mark and
// no self-synchronising structure: only the scoring of its decoded text can
// tell it from the others.
type legacy struct {
	name   string
	dec    *encoding.Decoder
	script *unicode.RangeTable
	common map[rune]bool // the most frequent letters of texts in this script
	min    float64       // least fraction of script letters that are common letters
	single *charmap.Charmap
}

var legacies = []legacy{
	{name: encGB18030, dec: simplifiedchinese.GB18030.NewDecoder(), script: unicode.Han, common: commonHanSet, min: 0.15},
	{name: encBig5, dec: traditionalchinese.Big5.NewDecoder(), script: unicode.Han, common: commonHanSet, min: 0.15},
	{name: encWindows1251, dec: charmap.Windows1251.NewDecoder(), script: unicode.Cyrillic, common: runeSet("оеаинтсрвлкмдпу"), min: 0.45, single: charmap.Windows1251},
	{name: encWindows1256, dec: charmap.Windows1256.NewDecoder(), script: unicode.Arabic, common: runeSet("اليمونهربتةعدفك"), min: 0.45, single: charmap.Windows1256},
}

var commonHanSet = runeSet(commonHan)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// commonHan holds about 300 of the most frequent Chinese characters in
// their simplified forms, then the traditional forms of those that differ.
// In text decoded with the wrong one of GB18030 and Big5 they are rare.
const commonHan = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教原东提立及比员解水名真论处义各入认条平系气题活更别打变四总何电数安少报才结反受目量再建务做接必场件计管期市直资命指许统区保至形社便空决治展科基非则达光放强即难且权思完设式色路记品告类求据程北该交规取格望术领共确传观清今切院让识带导争运步改收根造言联持组每济亲极服办议往元证近失转令准始存未远单具字流备连调深商算质团集需价党华城级整府离况请技际约示复究线似官断满支视消越容照须增研称企功包片委查易除农找装广显标谈图念引历首局专费号尽另较注语仅考落青随选列响虽推势参众构节投某案维革划致律态护兴派验责营够章志底严例防族供效续施留讲型料终答紧绝察段依批群项故按围织害双境纪采举攻密低友诉止细愿值仍破网助育属限职速否威状率独般普创假承印试股益若继送急适省初喜卫源险待述陆习置居劳财环排福纳欢警获模充负停游层略范策演简罪判担静退既宗积余检差富协角配征修降阶审坚善读超免压养怀执副抗犯追帮宣航优著控税份艺背概恶块顿守托央户款靠评版释景顾登互付核介讨良序监临露永域括杂误减编测败移画班智短掌遗固席秘遇康虑幸均销损巨端探录附予礼港庭妇归含顺输招补谓督旅材灭逐莫鲜词择寻授诺载健借禁避贸唯促延" +
	"這個們來為國時說會對於過發後裡種經麼學現當沒動樣開從實軍無與長機關點業將兩間問應戰頭體見產話內給門東進還義認條氣題總電數報結務場計資許統區形決達強難權設記類據術領確傳觀讓識帶導爭運聯組濟親極辦議證轉準單調質團價黨華級離況請際約復線斷滿視須稱專費號盡較語僅隨選響雖勢參眾構節維劃態護興驗責營夠嚴項圍織紀採舉訴細願屬職創試繼險陸勞財環歡獲範簡擔靜積餘檢協徵階審堅讀壓懷幫優藝惡塊顧討監臨雜誤減編測敗遺銷損錄禮婦歸順輸補謂滅鮮詞擇尋諾載貿"

// Detect names the encoding of data: one of the names Encodings lists, or
// "" when data is text in none of them. confident is false when the guess
// rests on little text or on a narrow margin between two encodings.
//
// The order is: a byte-order mark; valid UTF-8 (ASCII included); UTF-16
// without a mark, told by NUL bytes at odd or even offsets and a clean
// decoding; then GB18030, Big5, Windows-1251 and Windows-1256, each tried
// and its decoding scored by the share of its letters in the expected
// script and the share of very common characters among them.
func Detect(data []byte) (enc string, confident bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return encUTF16LE, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return encUTF16BE, true
	}
	hasNUL := bytes.IndexByte(data, 0) >= 0
	if hasNUL {
		if enc, conf := detectUTF16(data, true); enc != "" {
			return enc, conf
		}
	}
	if utf8.Valid(data) {
		return encUTF8, true
	}
	if !hasNUL {
		if enc, conf := detectUTF16(data, false); enc != "" {
			return enc, conf
		}
	}
	if hasNUL {
		return "", false // NUL bytes are no legacy encoding's text
	}
	if brokenUTF8(data) {
		return "", false
	}
	ranked := rankLegacy(data, false)
	if len(ranked) == 0 {
		return "", false
	}
	best := ranked[0]
	confident = best.count >= 20 && (len(ranked) == 1 || best.score >= 1.5*ranked[1].score)
	return best.l.name, confident
}

// brokenUTF8 reports whether data looks like UTF-8 with some damage rather
// than a legacy encoding: it has at least as many valid multi-byte UTF-8
// sequences as invalid bytes. (Text in GB18030, Big5, Windows-1251 or
// Windows-1256 seldom forms a valid multi-byte UTF-8 sequence.)
func brokenUTF8(data []byte) bool {
	valid, invalid := 0, 0
	if len(data) > sampleBytes {
		data = data[:sampleBytes]
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid > 0 && valid >= invalid
}

// sampleBytes is how much of the data detection scores.
const sampleBytes = 256 << 10

// detectUTF16 returns "utf-16le" or "utf-16be" when data reads as UTF-16
// without a byte-order mark, else "". Each byte order is decoded and
// judged: no NUL character, no unpaired surrogate, almost no control,
// private-use or unassigned character, and Han characters, if any, mostly
// common ones (Chinese in the wrong byte order is rare characters).
// Without NUL bytes (no ASCII at all), only Chinese text is taken.
func detectUTF16(data []byte, hasNUL bool) (string, bool) {
	if len(data)%2 != 0 || len(data) < 2 {
		return "", false
	}
	sample := data
	if len(sample) > sampleBytes {
		sample = sample[:sampleBytes]
	}
	best, bestScore, second := "", 0.0, 0.0
	conf := false
	for _, little := range []bool{true, false} {
		score, clean := utf16Score(sample, little, len(sample) < len(data), hasNUL)
		switch {
		case score > bestScore:
			second, bestScore, conf = bestScore, score, clean
			best = encUTF16BE
			if little {
				best = encUTF16LE
			}
		case score > second:
			second = score
		}
	}
	if best == "" {
		return "", false
	}
	return best, conf && bestScore >= 2*second && len(sample) >= 32
}

// utf16Score scores sample decoded as UTF-16 in one byte order: 0 when it
// is not text. clean reports a decoding without a doubtful character.
func utf16Score(sample []byte, little, cut, hasNUL bool) (score float64, clean bool) {
	if cut {
		// The sample may end inside a surrogate pair.
		sample = sample[:len(sample)-2]
	}
	// Unpaired surrogates become U+FFFD here, counted as bad: a file
	// with a few is still told UTF-16, and decoding it names the first.
	u := make([]uint16, len(sample)/2)
	for i := range u {
		if little {
			u[i] = uint16(sample[2*i]) | uint16(sample[2*i+1])<<8
		} else {
			u[i] = uint16(sample[2*i])<<8 | uint16(sample[2*i+1])
		}
	}
	s := string(utf16.Decode(u))
	bad, letters, han, common, n := 0, 0, 0, 0, 0
	for _, r := range s {
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError ||
			unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z):
			bad++
		case unicode.Is(unicode.Han, r):
			letters++
			han++
			if commonHanSet[r] {
				common++
			}
		case unicode.IsLetter(r):
			letters++
		}
	}
	if n == 0 || bad*50 > n || letters*4 < n {
		return 0, false
	}
	score = 1 - float64(bad)/float64(n)
	if han >= 4 || !hasNUL {
		least, minFrac := 4, 0.15
		if !hasNUL {
			least, minFrac = 16, 0.3 // stricter: nothing but the Han
		}
		if han < least {
			return 0, false
		}
		f := float64(common) / float64(han)
		if f < minFrac {
			return 0, false
		}
		score *= f
	}
	return score, bad == 0
}

// scored is a legacy encoding with the score of its decoding of data.
type scored struct {
	l       legacy
	score   float64
	count   int // letters of the expected script
	invalid int // offset of the first byte it cannot decode, or -1
}

// rankLegacy decodes a sample of data with each legacy encoding and
// returns those whose decoding fits, best first. With damaged, an
// encoding that cannot decode a few bytes of the sample still fits when
// the rest of its decoding does; else it does not.
func rankLegacy(data []byte, damaged bool) []scored {
	sample := data
	atEOF := true
	if len(sample) > sampleBytes {
		sample, atEOF = sample[:sampleBytes], false
	}
	var out []scored
	for _, l := range legacies {
		s, invalid := decodeSample(l, sample, atEOF)
		if invalid >= 0 && !damaged {
			continue
		}
		score, count := scoreText(s, l)
		if score > 0 {
			out = append(out, scored{l, score, count, invalid})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// decodeSample decodes sample with l, with U+FFFD for what it cannot
// decode, and returns the offset of the first such byte, or -1. (A
// sequence cut by the end of a sample that is not the end of the data is
// left out.)
func decodeSample(l legacy, sample []byte, atEOF bool) (string, int) {
	if l.single != nil {
		s, _ := l.dec.Bytes(sample)
		return string(s), firstInvalid(l, sample)
	}
	dst := make([]byte, 3*len(sample)+16)
	t := l.dec.Transformer
	t.Reset()
	nDst, nSrc, _ := t.Transform(dst, sample, atEOF)
	out := dst[:nDst]
	invalid := -1
	if bytes.Contains(out, []byte("\uFFFD")) {
		invalid = firstInvalid(l, sample[:nSrc])
	}
	return string(out), invalid
}

// scoreText scores s as text in the script of l: 0 when it does not fit,
// else higher for a better fit. count is the number of letters of the
// script.
func scoreText(s string, l legacy) (float64, int) {
	letters, inScript, common, bad, runes := 0, 0, 0, 0, 0
	for _, r := range s {
		runes++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == utf8.RuneError || unicode.Is(unicode.Co, r):
			bad++ // C0 and C1 controls, replacement and private-use characters
		case unicode.Is(l.script, r) || (l.script == unicode.Han && unicode.In(r, unicode.Hiragana, unicode.Katakana)):
			letters++
			inScript++
			if l.common[r] {
				common++
			}
		case unicode.IsLetter(r):
			letters++
		}
	}
	if inScript < 4 || bad*100 > runes {
		return 0, inScript
	}
	frac := float64(inScript) / float64(letters)
	commonFrac := float64(common) / float64(inScript)
	if frac < 0.4 || commonFrac < l.min {
		return 0, inScript
	}
	return frac * min(2, commonFrac/l.min) * (1 - 10*float64(bad)/float64(runes)), inScript
}

// firstInvalid returns the offset of the first byte of data that l cannot
// decode, or -1. A byte sequence is invalid when it is malformed or maps
// to no character (x/text decoders write U+FFFD for both).
func firstInvalid(l legacy, data []byte) int {
	if l.single != nil {
		for i, b := range data {
			if l.single.DecodeByte(b) == utf8.RuneError {
				return i
			}
		}
		return -1
	}
	// Decode a chunk at a time; only a chunk whose decoding has U+FFFD
	// is scanned sequence by sequence.
	t := l.dec.Transformer
	dst := make([]byte, 3*4096+16)
	for i := 0; i < len(data); {
		end := min(len(data), i+4096)
		t.Reset()
		nDst, nSrc, err := t.Transform(dst, data[i:end], end == len(data))
		if err != nil && err != transform.ErrShortSrc || nSrc == 0 {
			// Cannot happen with a destination this large; scan the rest.
			nSrc = end - i
			nDst = len("\uFFFD")
			copy(dst, "\uFFFD")
		}
		if bytes.Contains(dst[:nDst], []byte("\uFFFD")) {
			if j := scanSequences(l, data, i, i+nSrc); j >= 0 {
				return j
			}
		}
		i += nSrc
	}
	return -1
}

// scanSequences checks data[from:to] sequence by sequence with the
// structure of GB18030 or Big5 and returns the offset of the first
// invalid or unmapped sequence, or -1. A sequence may run past to.
func scanSequences(l legacy, data []byte, from, to int) int {
	var buf [16]byte
	t := l.dec.Transformer
	for i := from; i < to; {
		c0 := data[i]
		if c0 < 0x80 {
			i++
			continue
		}
		n := 0 // length of a well-formed sequence at i, 0 if malformed
		switch l.name {
		case encGB18030, encGBK:
			switch {
			case c0 == 0x80:
				n = 1 // the euro sign of code page 936
			case c0 == 0xFF || i+1 >= len(data):
			case data[i+1] >= 0x40 && data[i+1] <= 0xFE && data[i+1] != 0x7F:
				n = 2
			case l.name == encGB18030 && data[i+1] >= 0x30 && data[i+1] <= 0x39:
				if i+3 < len(data) && data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39 {
					n = 4
				}
			}
		case encBig5:
			if c0 >= 0x81 && c0 <= 0xFE && i+1 < len(data) {
				if c1 := data[i+1]; c1 >= 0x40 && c1 <= 0x7E || c1 >= 0xA1 && c1 <= 0xFE {
					n = 2
				}
			}
		}
		if n == 0 {
			return i
		}
		t.Reset()
		nDst, nSrc, _ := t.Transform(buf[:], data[i:i+n], true)
		out := buf[:nDst]
		if nSrc != n || (bytes.Contains(out, []byte("\uFFFD")) && !(l.name == encGB18030 && bytes.Equal(data[i:i+n], []byte{0x84, 0x31, 0xA4, 0x37}))) {
			return i
		}
		i += n
	}
	return -1
}

func legacyNamed(name string) (legacy, bool) {
	for _, l := range legacies {
		if l.name == name {
			return l, true
		}
	}
	if name == encGBK {
		return legacy{name: encGBK, dec: simplifiedchinese.GBK.NewDecoder(), script: unicode.Han, common: commonHanSet, min: 0.15}, true
	}
	return legacy{}, false
}

// DecodeAs returns data, in encoding enc, as UTF-8 text without a
// byte-order mark. enc is one of the names Encodings lists or their
// aliases, or "" or "auto" to detect the encoding (see Detect). Bytes that
// are invalid in the encoding are an error (ErrEncoding) naming the byte
// offset of the first one in the file; they are never replaced. NUL
// characters in the decoded text are ErrBinary.
func DecodeAs(data []byte, enc string) (string, error) {
	c, err := canonical(enc)
	if err != nil {
		return "", err
	}
	if c == "" {
		return decodeAuto(data)
	}
	return decodeWith(data, c)
}

func decodeAuto(data []byte) (string, error) {
	bom := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		bom = 3
	}
	notUTF8 := func() string {
		return fmt.Sprintf("not UTF-8 at byte %d", bom+invalidUTF8(data[bom:]))
	}
	enc, _ := Detect(data)
	switch enc {
	case encUTF8, encUTF16LE, encUTF16BE:
		return decodeWith(data, enc)
	case "":
		// Text in a legacy encoding but for a few bad bytes: name the
		// encoding and the first bad byte.
		if bytes.IndexByte(data, 0) < 0 && !brokenUTF8(data) {
			if r := rankLegacy(data, true); len(r) > 0 && r[0].invalid >= 0 {
				return "", fmt.Errorf("%w: %s, and not %s at byte %d, though the rest reads as %[3]s (fix the file, or use --encoding to name its encoding)",
					ErrEncoding, notUTF8(), displayName(r[0].l.name), r[0].invalid)
			}
		}
		return "", fmt.Errorf("%w: %s, and not UTF-16, GB18030, Big5, Windows-1251 or Windows-1256 text (use --encoding to name its encoding)", ErrEncoding, notUTF8())
	}
	s, err := decodeWith(data, enc)
	if err != nil && errors.Is(err, ErrEncoding) {
		// Detected from a sample that decodes; a later byte does not.
		l, _ := legacyNamed(enc)
		return "", fmt.Errorf("%w: %s, and not %s at byte %d, though its beginning reads as %[3]s (fix the file, or use --encoding to name its encoding)",
			ErrEncoding, notUTF8(), displayName(enc), firstInvalid(l, data))
	}
	return s, err
}

// decodeWith decodes data in the canonical encoding enc.
func decodeWith(data []byte, enc string) (string, error) {
	switch enc {
	case encUTF8:
		bom := 0
		if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
			data, bom = data[3:], 3
		}
		if i := invalidUTF8(data); i >= 0 {
			return "", fmt.Errorf("%w: not UTF-8 at byte %d", ErrEncoding, bom+i)
		}
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", fmt.Errorf("%w at byte %d", ErrBinary, bom+i)
		}
		return string(data), nil
	case encUTF16:
		switch {
		case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
			return decodeUTF16(data[2:], true, 2)
		case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
			return decodeUTF16(data[2:], false, 2)
		}
		if e, _ := detectUTF16(data, bytes.IndexByte(data, 0) >= 0); e != "" {
			return decodeWith(data, e)
		}
		return "", fmt.Errorf("%w: UTF-16 without a byte-order mark whose byte order cannot be told; name utf-16le or utf-16be", ErrEncoding)
	case encUTF16LE, encUTF16BE:
		little := enc == encUTF16LE
		if little && bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || !little && bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			return decodeUTF16(data[2:], little, 2)
		}
		return decodeUTF16(data, little, 0)
	}
	l, ok := legacyNamed(enc)
	if !ok {
		return "", &UnknownEncodingError{Name: enc}
	}
	// NUL is the byte 0 in all these encodings, never part of a sequence.
	if i := firstInvalid(l, data); i >= 0 {
		return "", fmt.Errorf("%w: not %s at byte %d", ErrEncoding, displayName(enc), i)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w at byte %d", ErrBinary, i)
	}
	s, err := l.dec.Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: %s: %w", ErrEncoding, displayName(enc), err)
	}
	return string(s), nil
}

func displayName(enc string) string {
	switch enc {
	case encGB18030:
		return "GB18030"
	case encGBK:
		return "GBK"
	case encBig5:
		return "Big5"
	case encWindows1251:
		return "Windows-1251"
	case encWindows1256:
		return "Windows-1256"
	}
	return enc
}

// TextAs decodes data in encoding enc (see DecodeAs; "" detects it) and
// splits it into paragraphs (see Split), within the default Limits.
func TextAs(data []byte, enc string) ([]Paragraph, error) {
	s, err := DecodeAs(data, enc)
	if err != nil {
		return nil, err
	}
	ps, err := split(s, NewCounter(Limits{}))
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, ErrEmpty
	}
	return ps, nil
}
