package noise_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/noise"
)

func TestSports(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Brazil beat Argentina 2-1 in a World Cup qualifier.", true},
		{"Spain crushed Italy in the Davis Cup final.", true},
		{"Germany's Bayern Munich defeated Spain's Real Madrid in the Champions League.", true},
		{"The striker scored two goals as the club won the match.", true},
		{"Russian troops clashed with Ukrainian forces near Donetsk.", false},
		{"The Security Council voted 13-0 to impose sanctions on North Korea.", false},
		{"The coach of the national team was arrested by police.", false},
		{"Egypt defeated the rebels in the Sinai, the army said.", false},
		{"The singer's new album and film open with a concert tour.", true},
		{"The runner took gold at the World Championships and a second medal in the relay.", true},
		{"The court upheld the death penalty. The penalty is carried out by a firing squad; a penalty appeal failed.", false},
		{"Parliament passed the bill 13-0 in a final vote; the final text drew criticism from fans of the old law.", false},
		{"Two bomb blasts killed fans watching the World Cup final in a rugby club.", false},
		{"Police sealed the stadium after the blast. Fans fled the stadium, and the stadium stayed shut.", false},
	} {
		if got := noise.Sports(tt.text); got != tt.want {
			t.Errorf("Sports(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Photo: Japanese officials meet Chinese officials in Tokyo. (Reuters)", true},
		{"Share this article on Facebook and Twitter.", true},
		{"Reporting by Jane Doe; editing by John Roe", true},
		{"By Jane Doe", true},
		{"SEOUL (AP) — South Korea accused North Korea of hacking.", false},
		{"By the end of the week, Japan had met China twice in Tokyo and Beijing.", false},
		{"Japan condemned North Korea.", false},
		{"shared on", true},
		{"Share on WhatsApp", true},
		{"FILE - Soldiers stand guard at the border, Jan. 5, 2017.", true},
		{"Soldiers stand guard at the border. (AP Photo/Jane Doe)", true},
		{"Filed under the new law, the case reached the court.", false},
		{"Shared concerns brought Japan and China together.", false},
	} {
		if got := noise.Boilerplate(tt.text); got != tt.want {
			t.Errorf("Boilerplate(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func BenchmarkSports(b *testing.B) {
	text := strings.Repeat("Russian troops clashed with Ukrainian forces near Donetsk on Monday, officials said. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		noise.Sports(text)
	}
}
