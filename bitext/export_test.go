package bitext

// NormLang exposes normLang to the external tests, which compare it with
// lexicon.NormLang (this package cannot import lexicon).
var NormLang = normLang
