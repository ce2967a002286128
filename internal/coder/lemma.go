package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// lemma returns the lemma of t: the tagger's when the lexicon knows it,
// else the first of the rule guesses that the lexicon knows ("declined" →
// "decline", not "declin"; a tagger's "shel" for "shelled" → "shell"),
// else the tagger's or the first guess.
func (c *Coder) lemma(t dyad.Token) string {
	tagged := strings.ToLower(t.Lemma)
	if tagged != "" && (c.knows(tagged) || t.UPOS != "VERB" && t.UPOS != "NOUN") {
		return tagged // only verbs and nouns head patterns
	}
	g := lemmaOf(t.Text, "")
	cands := []string{g, g + "e"}
	if n := len(g); n >= 4 && g[n-1] == g[n-2] {
		cands = append(cands, g[:n-1]) // "expelled" → "expel"
	}
	for _, c2 := range cands {
		if c.knows(c2) {
			return c2
		}
	}
	if tagged != "" {
		return tagged
	}
	return g
}

// knows reports whether w heads a pattern or is a verb of intent or
// refusal.
func (c *Coder) knows(w string) bool {
	if _, ok := c.heads[w]; ok {
		return true
	}
	_, ok := controlVerbs[w]
	return ok
}

// lemmaOf returns the lemma of a token: the tagger's when it set one, else a
// small rule-based guess good enough for the lexicon's verbs and nouns.
func lemmaOf(text, lemma string) string {
	if lemma != "" {
		return strings.ToLower(lemma)
	}
	w := strings.ToLower(text)
	if l, ok := irregular[w]; ok {
		return l
	}
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return restoreE(w[:len(w)-3])
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return restoreE(w[:len(w)-2])
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

// restoreE undoes doubling and e-dropping: "stopp" → "stop", "vow" stays,
// "urg" → "urge", "accus" → "accuse".
func restoreE(stem string) string {
	n := len(stem)
	if n >= 3 && stem[n-1] == stem[n-2] && strings.IndexByte("bdgmnprt", stem[n-1]) >= 0 {
		return stem[:n-1]
	}
	if eStems[stem] {
		return stem + "e"
	}
	return stem
}

// eStems are stems whose verb ends in a silent e.
var eStems = map[string]bool{
	"urg": true, "accus": true, "agre": true, "rais": true, "clos": true,
	"releas": true, "impos": true, "declar": true, "oppos": true, "propos": true, "refus": true,
	"promis": true, "prais": true, "provid": true, "continu": true, "vot": true, "invad": true,
	"captur": true, "seiz": true, "resum": true, "increas": true, "reduc": true, "forc": true,
	"produc": true, "announc": true, "denounc": true, "advocat": true, "negotiat": true,
	"mediat": true, "cooperat": true, "coordinat": true, "evacuat": true, "retaliat": true,
	"escalat": true, "stat": true, "argu": true, "sav": true, "hop": true, "cit": true,
	"restor": true, "welcom": true, "charg": true, "arrang": true, "receiv": true,
	"dismiss": false, "abus": true, "execut": true, "ceas": true,
	"deploy": false, "tortur": true, "demonstrat": true, "investigat": true,
	"prosecut": true, "violat": true, "rescu": true, "pledg": true, "engag": true,
	"sabotag": true, "us": true, "expir": true, "observ": true, "assassinat": true, "confiscat": true,
	"liberat": true, "tolerat": true, "tak": true, "mak": true, "giv": true, "com": true,
}

// irregular maps irregular inflections to lemmas.
var irregular = map[string]string{
	"met": "meet", "held": "hold", "told": "tell", "said": "say", "says": "say", "took": "take",
	"made": "make", "gave": "give", "given": "give", "sent": "send", "spoke": "speak",
	"spoken": "speak", "fought": "fight", "struck": "strike", "stricken": "strike", "shot": "shoot",
	"sought": "seek", "brought": "bring", "came": "come", "went": "go", "gone": "go", "left": "leave",
	"kept": "keep", "led": "lead", "broke": "break", "broken": "break", "threw": "throw",
	"thrown": "throw", "withdrew": "withdraw", "withdrawn": "withdraw", "began": "begin",
	"begun": "begin", "won": "win", "lost": "lose", "drove": "drive", "driven": "drive",
	"stood": "stand", "set": "set", "cut": "cut", "put": "put", "hit": "hit", "beat": "beat",
	"beaten": "beat", "forbade": "forbid", "forbidden": "forbid", "overthrew": "overthrow",
	"overthrown": "overthrow", "paid": "pay", "lent": "lend", "bought": "buy", "sold": "sell",
	"fled": "flee", "slain": "slay", "slew": "slay", "wrote": "write", "written": "write",
	"saw": "see", "seen": "see", "knew": "know", "known": "know", "rose": "rise", "risen": "rise",
	"chose": "choose", "chosen": "choose", "swore": "swear", "sworn": "swear", "undertook": "undertake",
	"undertaken": "undertake", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
	"has": "have", "had": "have", "did": "do", "does": "do", "done": "do", "talks": "talk",
	"news": "news", "united": "united", "states": "state", "forces": "force", "crisis": "crisis",
	"analysis": "analysis", "arms": "arms", "troops": "troop", "police": "police",
}
