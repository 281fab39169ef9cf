package zhconv

// Table returns the keys of the traditional-to-simplified table, characters
// and phrases.
func Table() map[string]bool {
	load()
	m := map[string]bool{}
	for r := range t2s.chars {
		m[string(r)] = true
	}
	for k := range t2s.phrases {
		m[k] = true
	}
	return m
}
