package lang

import "testing"

func TestChineseValue(t *testing.T) {
	for s, want := range map[string]int{"十": 10, "十三": 13, "四十三": 43, "一百零五": 105, "两千": 2000, "二十": 20, "一百": 100} {
		if v, ok := chineseValue(s); !ok || v != want {
			t.Errorf("chineseValue(%q) = %d, %v; want %d", s, v, ok, want)
		}
	}
	if v, ok := chineseValue("一二"); ok {
		t.Errorf("chineseValue(一二) = %d, want not a numeral", v)
	}
}
