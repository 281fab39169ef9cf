package batch

// SetTestHookStep sets the function called before each step of the check
// of a group (each file's path before it is read, "" before the check).
func SetTestHookStep(f func(symbol, path string)) { testHookStep = f }
