package driftcheck_test

import "fmt"

func ratePer100(n, of int) string {
	if of == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", 100*float64(n)/float64(of))
}
