#!/usr/bin/env python3
"""Deterministic generator of pipeline-shaped qa-export input (SPEC.md section 1).

Writes DIR/qa_passed.jsonl and DIR/qa_rejected.jsonl in the shape the validation step
produces, with realistic Swedish care-work text built from word lists, and deliberately
stresses the text round-trip and every default of the mapping (SPEC.md section 2):

  * emoji (incl. ZWJ sequences, skin tones and flags), combining marks (decomposed "e\u0301",
    "a\u030a"), U+2028/U+2029, NEL, NBSP, a BOM inside a string, non-BMP CJK, tabs, newlines,
    CR, quotes, backslashes, a literal backslash-u text, control characters (JSON-escaped), DEL;
  * missing and null question / answer / source_document / persona / validation /
    composite_score / failure_reason, persona as a string (also ""), persona objects with
    missing or null roll / erfarenhet, nested objects in shuffled key order;
  * composite_score as an integer literal (0 or 1), as an exponent (1e-05) and as a
    full-precision double;
  * most lines written with ensure_ascii=False, some with ensure_ascii=True (emoji then become
    surrogate-pair escapes), whitespace-only lines in the middle, optional CRLF line ends,
    optional BOM and optional missing final newline.

Every record is VALID per SPEC.md section 2 (no wrong types, no NaN/Infinity), so a default
export (--on-error fail) must succeed on the output.

Stdlib only. Same arguments -> byte-identical files.

    python3 compat/generate_input.py --records 20000 --out-dir /tmp/gen [--seed 42]
        [--rejected-fraction 0.3] [--crlf] [--bom] [--no-final-newline]
"""

import argparse
import json
import os
import random
import sys

# --------------------------------------------------------------------------- word lists

ROLES = ["underskoterska", "vardbitrade", "sjukskoterska", "enhetschef", "personlig_assistent"]
EXPERIENCE = ["nyanstald", "erfaren", "vikarie", "student", "mycket_erfaren"]
LANG = ["native", "intermediate", "beginner"]
STRING_PERSONAS = ["anhörig", "närstående", "vårdtagare", "god man", "biståndshandläggare"]
SETTINGS = ["hemtjänsten", "ett särskilt boende", "en demensavdelning", "ett korttidsboende",
            "nattpatrullen", "dagverksamheten", "ett gruppboende"]
SHIFTS = ["jobbar natt i", "jobbar helg i", "är sommarvikarie i", "har just börjat i",
          "har arbetat länge i", "är timanställd i", "går bredvid en kollega i"]

TOPICS = [
    # (category, document, section, anchor, nouns)
    ("hygien", "rutiner/handhygien.md", "Handskar", "handskar",
     ["handskar", "handdesinfektion", "plastförkläde", "basala hygienrutiner", "smycken"]),
    ("hygien", "rutiner/smitta.md", "Vinterkräksjuka", "vinterkraksjuka",
     ["vinterkräksjuka", "skyddsutrustning", "tvättning av händer", "städning av toaletten"]),
    ("fallprevention", "rutiner/fallprevention.md", "Efter ett fall", "efter-ett-fall",
     ["fallrisk", "rullatorn", "halkskydd", "nattbelysning", "larmknappen"]),
    ("läkemedel", "rutiner/lakemedelshantering.md", "Signeringslista", "signeringslista",
     ["dosrullen", "signeringslistan", "vid behovs-läkemedel", "ögondroppar", "läkemedelsöverlämning"]),
    ("nutrition", "rutiner/nutrition.md", "Undernäring", "undernaring",
     ["vikten", "mellanmål", "konsistensanpassad kost", "vätskelistan", "nattfastan"]),
    ("dokumentation", "rutiner/dokumentation.md", "Social dokumentation", "social-dokumentation",
     ["genomförandeplanen", "journalanteckningen", "avvikelserapporten", "social dokumentation"]),
    ("demensvård", "rutiner/demensvard.md", "Oro och hemlängtan", "oro-och-hemlangtan",
     ["oro på kvällen", "hemlängtan", "bemötandet", "dygnsrytmen", "levnadsberättelsen"]),
    ("trycksår", "rutiner/trycksar.md", "Lägesändring", "lagesandring",
     ["lägesändring", "huden över hälarna", "tryckavlastande madrass", "rodnad på korsbenet"]),
    ("munhälsa", "rutiner/munhalsa.md", "Munvård", "munvard",
     ["munvården", "tandprotesen", "muntorrhet", "fluortandkräm"]),
    ("bemötande", "rutiner/bemotande.md", "Självbestämmande", "sjalvbestammande",
     ["självbestämmandet", "samtycket", "integriteten", "rätten att tacka nej"]),
]

Q_TEMPLATES = [
    "Hur ska jag tänka kring {n} när jag {shift} {setting}?",
    "Vad gäller för {n} hos en vårdtagare i {setting}?",
    "Vem ansvarar för {n} när sjuksköterskan inte är på plats?",
    "Får jag ändra {n} själv om vårdtagaren ber om det?",
    "Vad gör jag om jag upptäcker ett problem med {n} under kvällsbesöket?",
    "Hur dokumenterar jag {n} på rätt sätt?",
    "Vilka risker finns det med {n} för en äldre person med demenssjukdom?",
    "Hur förklarar jag {n} för en anhörig som är orolig?",
]

A_SENTENCES = [
    "Börja alltid med att desinfektera händerna och berätta för vårdtagaren vad du ska göra.",
    "Följ den rutin som gäller i {setting} och fråga en erfaren kollega om du är osäker.",
    "Kontakta sjuksköterskan direkt om du ser förändringar i {n} eller om vårdtagaren mår sämre.",
    "Dokumentera det du har gjort och observerat samma dag, sakligt och med egna ord.",
    "Respektera vårdtagarens självbestämmande men förklara varför {n} är viktigt för hälsan.",
    "Ändra aldrig något som gäller {n} på egen hand utan att ha fått en delegering eller ordination.",
    "Tänk på att lugn röst, tid och ögonkontakt ofta gör mer än många ord.",
    "Skriv en avvikelserapport om något har gått fel, även om det inte blev någon skada.",
    "Se till att hjälpmedlen finns nära till hands och att golvet är fritt från lösa mattor.",
    "Erbjud något att dricka vid varje besök och för in mängden på vätskelistan.",
    "Läs genomförandeplanen innan besöket så att du vet vad vårdtagaren vill ha hjälp med.",
    "Om vårdtagaren säger nej ska du respektera det, erbjuda hjälpen igen senare och dokumentera.",
]

REASONINGS = [
    "Svaret stöds av avsnittet i källdokumentet och återger rutinen korrekt.",
    "Alla påståenden går att hitta i källan, men formuleringen är något förenklad.",
    "Svaret är relevant för personan och tar upp de viktigaste stegen.",
    "Delvis grundat; ett påstående saknar stöd i källan.",
    "Källan nämner inte detta uttryckligen men svaret är rimligt.",
]

FAILURE_REASONS = [
    "Svaret innehåller påståenden som inte stöds av källan",
    "Svaret strider mot källan: sjuksköterskan ska kontaktas först",
    "Frågan besvaras inte av källdokumentet (off-topic)",
    "Answer is incomplete: misses documentation step",
    "Low relevance for persona",
    "Ofullständigt svar – saknar hänvisning till delegering",
    "composite_score under tröskelvärdet 0.7",
]

# Strings that stress the text round-trip. All are legal JSON string content once escaped.
STRESS = [
    "😀", "👩‍⚕️", "👨‍👩‍👧‍👦", "🇸🇪", "🇫🇮🇳🇴", "👍🏽", "🧓🏼", "🏳️‍🌈",   # emoji, ZWJ, flags, tones
    "e\u0301", "a\u030a", "o\u0308", "A\u030aS\u0308",                       # combining marks (NFD)
    "\u2028", "\u2029", "rad\u2028bryt", "stycke\u2029slut",                 # line/paragraph separators
    "\t", "\n", "\r\n", "\r", "kolumn\tvärde", "rad 1\nrad 2",               # escapes JSON requires
    'han sa "nej tack"', "C:\\rutiner\\handhygien.md", "\\u00e5 är inte å",  # quotes, backslashes
    "\\\\server\\dela", "slut\\", '\\"', "\\n är inte en radbrytning",
    "\u0001", "\u001f", "\u0000", "\u0007klocka", "\u001b[0m",                 # control characters
    "\u007f", "\u0085", "\u00a0", "\ufeff", "\u200b", "\u202e", "\ufffd",     # DEL, NEL, NBSP, BOM, ZWSP, RLO
    "𠜎", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ελληνικά", "العربية", "中文", "ﬁ",                     # non-BMP, other scripts
    "/", "</script>", "\u00e5\u00e4\u00f6\u00c5\u00c4\u00d6",
]

ABSENT = object()  # marker: leave the key out entirely


def stressed(rng, text):
    """Insert 1-3 stress strings at random positions (sometimes the whole text)."""
    if rng.random() < 0.05:
        return rng.choice(STRESS)
    for _ in range(rng.randint(1, 3)):
        pos = rng.randint(0, len(text))
        text = text[:pos] + rng.choice(STRESS) + text[pos:]
    return text


def shuffled(rng, d):
    items = list(d.items())
    rng.shuffle(items)
    return dict(items)


def score_value(rng, rejected):
    lo, hi = (0.05, 0.69) if rejected else (0.7, 1.0)
    r = rng.random()
    if r < 0.04:
        return rng.choice([0, 1])          # integer literal in the input
    if r < 0.06:
        return rng.choice([1e-05, 2.5e-07, 1.0, 0.0])
    if r < 0.20:
        return lo + (hi - lo) * rng.random()   # full-precision double
    return round(rng.uniform(lo, hi), rng.choice([2, 3, 4]))


def make_record(rng, i, rejected):
    cat, doc, section, anchor, nouns = rng.choice(TOPICS)
    n = rng.choice(nouns)
    setting = rng.choice(SETTINGS)
    shift = rng.choice(SHIFTS)
    fill = dict(n=n, setting=setting, shift=shift)

    question = rng.choice(Q_TEMPLATES).format(**fill)
    sentences = rng.sample(A_SENTENCES, rng.randint(3, 5))
    answer = " ".join(s.format(**fill) for s in sentences) + f" [source:{doc}#{anchor}]"
    source = doc
    roll, erf = rng.choice(ROLES), rng.choice(EXPERIENCE)
    situation = f"{shift} {setting}"
    failure_reason = rng.choice(FAILURE_REASONS) if rejected else None

    stress = rng.random() < 0.25
    if stress:
        # stress one to three of the mapped text fields (and often an ignored one too)
        for field in rng.sample(["question", "answer", "source", "roll", "erfarenhet", "failure_reason"],
                                rng.randint(1, 3)):
            if field == "question":
                question = stressed(rng, question)
            elif field == "answer":
                answer = stressed(rng, answer)
            elif field == "source":
                source = stressed(rng, source)
            elif field == "roll":
                roll = stressed(rng, roll)
            elif field == "erfarenhet":
                erf = stressed(rng, erf)
            elif field == "failure_reason" and rejected:
                failure_reason = stressed(rng, failure_reason)
        situation = stressed(rng, situation)

    persona = {"roll": roll, "erfarenhet": erf, "situation": situation, "sprakbakgrund": rng.choice(LANG)}
    p = rng.random()
    if p < 0.03:
        persona = ABSENT
    elif p < 0.05:
        persona = None
    elif p < 0.09:
        persona = rng.choice(STRING_PERSONAS)
        if stress:
            persona = stressed(rng, persona)
    elif p < 0.10:
        persona = ""                                   # empty string persona -> "unknown"
    elif p < 0.12:
        del persona["erfarenhet"]
    elif p < 0.13:
        persona["erfarenhet"] = None
    elif p < 0.14:
        del persona["roll"]
    elif p < 0.145:
        persona["roll"] = None
    elif p < 0.15:
        persona = {"situation": situation}           # neither part -> "unknown/unknown"

    score = score_value(rng, rejected)

    validation = {
        "passed": not rejected,
        "composite_score": score,
        "source_verification": {
            "is_grounded": not rejected or rng.random() < 0.5,
            "similarity_score": round(rng.uniform(0.3, 0.98), 2),
            "reasoning": rng.choice(REASONINGS),
            "ungrounded_claims": [] if not rejected else [rng.choice(sentences).format(**fill)[:60]],
        },
        "quality_assessment": {
            "relevans": round(rng.uniform(0.5, 1.0), 2),
            "korrekthet": round(rng.uniform(0.3, 1.0), 2),
            "fullstandighet": round(rng.uniform(0.3, 1.0), 2),
            "reasoning": rng.choice(REASONINGS),
        },
        "failure_reason": failure_reason,
    }
    v = rng.random()
    if v < 0.03:
        validation["composite_score"] = ABSENT
    elif v < 0.05:
        validation["composite_score"] = None
    if rejected:
        f = rng.random()
        if f < 0.05:
            validation["failure_reason"] = ABSENT
        elif f < 0.10:
            validation["failure_reason"] = None
    w = rng.random()
    if w < 0.01:
        validation = ABSENT                          # whole validation missing: score 0.0, reason "unknown"
    elif w < 0.015:
        validation = None

    rec = {
        "question": question,
        "answer": answer,
        "citations": [{"document": doc, "section": section}],
        "coverage": rng.choice(["full", "full", "partial"]),
        "confidence": round(rng.uniform(0.4, 0.99), 2),
        "source_document": source,
        "section": section,
        "question_type": rng.choice(["procedur", "fakta", "situation", "bemotande", "observation"]),
        "persona": persona,
        "category": cat,
        "generated_at": "2026-01-30T%02d:%02d:%02d" % (i // 3600 % 24, i // 60 % 60, i % 60),
        "validation": validation,
    }
    # ignored extra fields, sometimes with awkward content
    if rng.random() < 0.05:
        rec["metadata"] = {"model": "gpt-sv-care", "tokens": [rng.randint(0, 50000) for _ in range(5)],
                           "big": 12345678901234567890123, "tiny": 1e-300, "nested": {"a": [[], {}, None]},
                           "note": stressed(rng, "fält som ignoreras")}

    for key, pr in (("question", 0.02), ("answer", 0.02), ("source_document", 0.02)):
        r = rng.random()
        if r < pr:
            rec[key] = ABSENT
        elif r < 2 * pr:
            rec[key] = None
        elif r < 2 * pr + 0.005:
            rec[key] = ""

    # strip ABSENT markers
    if isinstance(rec["validation"], dict):
        rec["validation"] = {k: v for k, v in rec["validation"].items() if v is not ABSENT}
    rec = {k: v for k, v in rec.items() if v is not ABSENT}

    # key order: nested objects may come in any order
    if rng.random() < 0.1:
        rec = shuffled(rng, rec)
        if isinstance(rec.get("persona"), dict):
            rec["persona"] = shuffled(rng, rec["persona"])
        if isinstance(rec.get("validation"), dict):
            rec["validation"] = shuffled(rng, rec["validation"])
    return rec


BLANKS = ["", " ", "\t", "   \t  "]


def write_file(path, records, rng, crlf, bom, final_newline):
    eol = "\r\n" if crlf else "\n"
    n = len(records)
    # a few whitespace-only lines in the middle (always at least one once there are 2 records)
    blank_after = set()
    if n >= 2:
        blank_after.add(n // 2 - 1 if n > 2 else 0)
        for _ in range(min(4, n // 1000)):
            blank_after.add(rng.randrange(0, n - 1))
    blanks = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        for idx, rec in enumerate(records):
            ascii_only = rng.random() < 0.15
            line = json.dumps(rec, ensure_ascii=ascii_only, allow_nan=False)
            last = idx == n - 1
            f.write(line + ("" if last and not final_newline else eol))
            if idx in blank_after and not last:
                f.write(rng.choice(BLANKS) + eol)
                blanks += 1
    return blanks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, required=True, help="total number of records (passed + rejected)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--rejected-fraction", type=float, default=0.3)
    ap.add_argument("--crlf", action="store_true", help="CRLF line ends")
    ap.add_argument("--bom", action="store_true", help="start each file with a UTF-8 BOM")
    ap.add_argument("--no-final-newline", action="store_true", help="last line without a line end")
    args = ap.parse_args(argv)
    if args.records < 0 or not 0.0 <= args.rejected_fraction <= 1.0:
        ap.error("--records must be >= 0 and --rejected-fraction in [0, 1]")

    rng = random.Random(args.seed)
    n_rej = int(round(args.records * args.rejected_fraction))
    n_pass = args.records - n_rej
    passed = [make_record(rng, i, False) for i in range(n_pass)]
    rejected = [make_record(rng, n_pass + i, True) for i in range(n_rej)]

    os.makedirs(args.out_dir, exist_ok=True)
    final_nl = not args.no_final_newline
    bp = write_file(os.path.join(args.out_dir, "qa_passed.jsonl"), passed, rng, args.crlf, args.bom, final_nl)
    br = write_file(os.path.join(args.out_dir, "qa_rejected.jsonl"), rejected, rng, args.crlf, args.bom, final_nl)
    print(f"generate_input: {n_pass} passed (+{bp} blank lines), {n_rej} rejected (+{br} blank lines) "
          f"-> {args.out_dir} (seed {args.seed}{', CRLF' if args.crlf else ''}{', BOM' if args.bom else ''})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
