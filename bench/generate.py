#!/usr/bin/env python3
"""Deterministic benchmark input for qa-export: DIR/qa_passed.jsonl and DIR/qa_rejected.jsonl.

Two styles, both in the validation step's shape (SPEC.md section 1: nested persona and
validation objects, citations, ignored fields, passed and rejected records):

  --style varied (default): Swedish care-work text drawn from a vocabulary of several thousand
      words (real words plus generated compounds, Zipf-weighted, random word order), so the text
      does not compress unrealistically well (gzip ~3x, like real prose). About 1.4 KB per record.
      Also exercises the mapping's branches at realistic rates: persona as object / string / ""
      / null / missing, missing persona parts, missing or null score and failure reason, integer
      scores, shuffled key order, a few emoji, quotes, tabs and newlines inside strings.
      Streams: memory stays flat whatever --records is.
  --style compat: calls compat/generate_input.py (the CI compatibility generator: every stress
      case, very repetitive text) with the same --records/--seed/--rejected-fraction.

Every record is valid per SPEC.md section 2, so a default export must succeed on it.
Stdlib only. Same arguments -> byte-identical files.

    python3 bench/generate.py --records 200000 --out-dir bench/work/data/200k [--seed 7]
"""

import argparse
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

ROLES = ["underskoterska", "vardbitrade", "sjukskoterska", "enhetschef", "personlig_assistent",
         "fysioterapeut", "arbetsterapeut", "biståndshandläggare", "nattpersonal", "kontaktman"]
EXPERIENCE = ["nyanstald", "erfaren", "vikarie", "student", "mycket_erfaren", "timanställd"]
LANG = ["native", "intermediate", "beginner"]
STRING_PERSONAS = ["anhörig", "närstående", "vårdtagare", "god man", "biståndshandläggare",
                   "volontär", "elev på vård- och omsorgsprogrammet"]

# Real words of the domain and everyday Swedish; compounds of them widen the vocabulary.
NOUNS = """vårdtagare brukare anhörig kollega sjuksköterska läkare chef rutin hygien handskar
förkläde händer desinfektion smitta vinterkräksjuka influensa covid feber hosta andning puls
blodtryck läkemedel dosett signering lista ordination delegering insulin salva droppar tablett
kapsel plåster förband sår trycksår hud häl korsben madrass kudde lägesändring rullator rullstol
lyft sele säng toalett dusch bad tvätt kläder strumpor skor matta golv trappa larm telefon
journal anteckning avvikelse rapport plan genomförandeplan levnadsberättelse samtycke integritet
självbestämmande bemötande oro ångest sömn natt kväll morgon frukost lunch middag mellanmål
vätska vatten kaffe saft soppa gröt kost konsistens vikt aptit tugga svälj munvård tänder
protes tandborste mun läppar tunga ögon öron glasögon hörapparat minne demens förvirring
hemlängtan dygnsrytm aktivitet promenad trädgård balkong fönster dörr nyckel lägenhet boende
avdelning hemtjänst korttidsboende dagverksamhet gruppboende nattpatrull bil cykel schema
pass helg semester vikariat introduktion utbildning handledning möte överlämning arbetsmiljö
ryggen belastning ergonomi skyddsutrustning visir munskydd avfall tvättstuga städning kök
kylskåp frys matlåda kylväska temperatur termometer smärta yrsel fall fallrisk halkskydd
belysning lampa glömska besök återbesök vårdcentral sjukhus ambulans akut tandläkare frisör
fotvård pedikyr bibliotek radio tidning musik sång bön präst gudstjänst fika kaka bulle""".split()

VERBS = """hjälper frågar svarar kontrollerar dokumenterar signerar ringer kontaktar meddelar
berättar förklarar lyssnar väntar erbjuder respekterar stöttar lyfter vänder tvättar torkar
smörjer klär duschar följer observerar mäter väger noterar rapporterar överlämnar läser skriver
planerar ändrar avbryter fortsätter börjar slutar tänker känner märker upptäcker undviker
förebygger minskar ökar bedömer prioriterar samarbetar informerar påminner uppmuntrar""".split()

ADJS = """lugn orolig trött hungrig törstig glad ledsen arg förvirrad rädd säker osäker viktig
tydlig enkel svår lätt varm kall torr fuktig röd blek svullen öm ny gammal rätt fel hel ren
smutsig snabb långsam försiktig noggrann vänlig respektfull professionell ansvarig delegerad
akut planerad ordinerad dagligen ofta sällan alltid aldrig genast direkt efteråt tidigare""".split()

SMALL = """och att det som en på är av för med till den har inte om ett men de så vid eller när
sedan också bara även kan ska måste bör får vill jag du hon han vi ni man sin sitt sina hans
hennes deras efter innan under över mellan utan genom mot hos""".split()

PREFIXES = """natt dag kvälls helg morgon vård hem omsorgs läkemedels hygien hand fall tryck mun
tand kost vätske sömn minnes demens anhörig personal patient brukar rutin avvikelse signerings
dokumentations besöks larm lyft sår hud smärt""".split()


def build_vocabulary(rng):
    words = list(NOUNS) + list(VERBS) + list(ADJS)
    compounds = set()
    while len(compounds) < 6000:
        compounds.add(rng.choice(PREFIXES) + rng.choice(NOUNS))
    words += sorted(compounds)
    rng.shuffle(words)
    # Zipf-like weights: a few words are common, most are rare.
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(words))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return words, cumulative


class Text:
    def __init__(self, rng):
        self.rng = rng
        self.words, self.cum = build_vocabulary(random.Random(rng.random()))
        self.decorations = ["😀", "👍🏽", "👩‍⚕️", "🇸🇪", "\t", "\n", '"', "–", "é", "\u2028"]

    def sentence(self, lo, hi, end="."):
        rng = self.rng
        n = rng.randint(lo, hi)
        content = rng.choices(self.words, cum_weights=self.cum, k=(n + 1) // 2)
        glue = rng.choices(SMALL, k=n // 2)
        tokens = [w for pair in zip(content, glue) for w in pair] + content[len(glue):]
        if rng.random() < 0.15:
            tokens.insert(rng.randrange(len(tokens) + 1), str(rng.randint(1, 48)))
        if rng.random() < 0.01:
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(self.decorations))
        s = " ".join(tokens)
        return s[0].upper() + s[1:] + end

    def paragraph(self, k_lo, k_hi, w_lo, w_hi):
        return " ".join(self.sentence(w_lo, w_hi) for _ in range(self.rng.randint(k_lo, k_hi)))


def score(rng, rejected):
    lo, hi = (0.05, 0.69) if rejected else (0.7, 1.0)
    r = rng.random()
    if r < 0.02:
        return rng.choice([0, 1])                 # integer literal in the input
    if r < 0.15:
        return lo + (hi - lo) * rng.random()      # full-precision double
    return round(rng.uniform(lo, hi), rng.choice([2, 3]))


def make_record(rng, text, i, rejected):
    doc = "rutiner/%s.md" % rng.choice(text.words[:800]).replace(" ", "_")
    section = text.sentence(1, 3, end="")
    question = text.sentence(8, 16, end="?")
    answer = text.paragraph(2, 4, 8, 14) + " [source:%s#%s]" % (doc, section.lower().replace(" ", "-"))
    persona = {"roll": rng.choice(ROLES), "erfarenhet": rng.choice(EXPERIENCE),
               "situation": text.sentence(2, 5, end=""), "sprakbakgrund": rng.choice(LANG)}
    p = rng.random()
    if p < 0.02:
        persona = None
    elif p < 0.04:
        persona = "MISSING"
    elif p < 0.08:
        persona = rng.choice(STRING_PERSONAS)
    elif p < 0.09:
        persona = ""
    elif p < 0.11:
        del persona["erfarenhet"]
    elif p < 0.12:
        persona["roll"] = None
    validation = {
        "passed": not rejected,
        "composite_score": score(rng, rejected),
        "source_verification": {
            "is_grounded": not rejected or rng.random() < 0.5,
            "similarity_score": round(rng.uniform(0.3, 0.98), 2),
            "reasoning": text.sentence(6, 12),
            "ungrounded_claims": [text.sentence(4, 9) for _ in range(rng.randint(1, 2))] if rejected else [],
        },
        "quality_assessment": {
            "relevans": round(rng.uniform(0.5, 1.0), 2),
            "korrekthet": round(rng.uniform(0.3, 1.0), 2),
            "fullstandighet": round(rng.uniform(0.3, 1.0), 2),
            "reasoning": text.sentence(6, 12),
        },
        "failure_reason": text.sentence(5, 12, end="") if rejected else None,
    }
    v = rng.random()
    if v < 0.02:
        del validation["composite_score"]
    elif v < 0.03:
        validation["composite_score"] = None
    if rejected and rng.random() < 0.05:
        validation["failure_reason"] = None
    rec = {
        "question": question,
        "answer": answer,
        "citations": [{"document": doc, "section": section}],
        "coverage": rng.choice(["full", "full", "partial"]),
        "confidence": round(rng.uniform(0.4, 0.99), 2),
        "source_document": doc,
        "section": section,
        "question_type": rng.choice(["procedur", "fakta", "situation", "bemotande", "observation"]),
        "persona": persona,
        "category": rng.choice(["hygien", "fallprevention", "läkemedel", "nutrition", "dokumentation",
                                "demensvård", "trycksår", "munhälsa", "bemötande"]),
        "generated_at": "2026-01-30T%02d:%02d:%02d" % (i // 3600 % 24, i // 60 % 60, i % 60),
        "validation": validation if rng.random() >= 0.005 else None,
    }
    if rec["persona"] == "MISSING":
        del rec["persona"]
    for key in ("question", "answer", "source_document"):
        r = rng.random()
        if r < 0.005:
            del rec[key]
        elif r < 0.01:
            rec[key] = None
    if rng.random() < 0.1:
        items = list(rec.items())
        rng.shuffle(items)
        rec = dict(items)
    return rec


def write_varied(out_dir, records, seed, rejected_fraction):
    rng = random.Random(seed)
    text = Text(rng)
    n_rej = int(round(records * rejected_fraction))
    n_pass = records - n_rej
    os.makedirs(out_dir, exist_ok=True)
    for name, n, rejected, base in (("qa_passed.jsonl", n_pass, False, 0),
                                    ("qa_rejected.jsonl", n_rej, True, n_pass)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            buf = []
            for i in range(n):
                buf.append(json.dumps(make_record(rng, text, base + i, rejected),
                                      ensure_ascii=rng.random() < 0.05, allow_nan=False))
                if len(buf) == 4096:
                    f.write("\n".join(buf) + "\n")
                    buf.clear()
            if buf:
                f.write("\n".join(buf) + "\n")
    print(f"generate: {n_pass} passed, {n_rej} rejected -> {out_dir} (varied, seed {seed})", file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, required=True, help="total records (passed + rejected)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rejected-fraction", type=float, default=0.3)
    ap.add_argument("--style", choices=["varied", "compat"], default="varied")
    args = ap.parse_args(argv)
    if args.style == "compat":
        cmd = [sys.executable, os.path.join(HERE, "..", "compat", "generate_input.py"),
               "--records", str(args.records), "--out-dir", args.out_dir, "--seed", str(args.seed),
               "--rejected-fraction", str(args.rejected_fraction)]
        sys.exit(subprocess.call(cmd))
    write_varied(args.out_dir, args.records, args.seed, args.rejected_fraction)


if __name__ == "__main__":
    main()
