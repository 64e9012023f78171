#!/usr/bin/env python3
"""Swedish care-work questions with planted near-duplicates, for the dedup quality benchmark.

Writes OUT/qa_passed.jsonl (pipeline shape) and OUT/truth.jsonl (per line: its group, its kind).
Each group is a base question; some groups get planted variants of it:
  edit        one typo (a letter dropped, doubled, swapped or replaced);
  reorder     two words swapped, or the last word moved first;
  inflection  one noun in another form (handske -> handskarna, vårdtagare -> vårdtagaren ...);
  similar     a DIFFERENT question built on the same frame: one content noun replaced by
              another of the same kind (läkemedel -> livsmedel): a distinct question that a
              deduplicator must not merge.
Stdlib only; same arguments, same files.

    python3 bench/dedup/planted.py --groups 12000 --out-dir bench/work/dedup --seed 3
"""
import argparse
import json
import os
import random

FRAMES = [
    "Hur ofta ska jag {v} {n} hos {w}?",
    "Vad gör jag om {w} inte vill {v} {n}?",
    "Får jag {v} {n} själv när {w} ber om det?",
    "Vem ansvarar för att {v} {n} på {p}?",
    "Hur dokumenterar jag att jag har fått {v} {n} för {w}?",
    "Vilken rutin gäller för att {v} {n} under {t}?",
    "Vad ska jag tänka på när jag ska {v} {n} hos en {a} {w}?",
    "Måste jag kontakta sjuksköterskan innan jag {v2} {n} på {p}?",
    "Kan {w} själv {v} {n} efter {t}?",
    "Var hittar jag rutinen för {n} på {p}?",
]
NOUNS = {  # noun: inflected forms (definite, plural, definite plural)
    "handskar": ["handskarna", "handske", "handsken"], "läkemedel": ["läkemedlet", "läkemedlen"],
    "livsmedel": ["livsmedlet", "livsmedlen"], "insulin": ["insulinet"], "dosett": ["dosetten", "dosetter", "dosetterna"],
    "stödstrumpor": ["stödstrumporna", "stödstrumpa"], "katetern": ["kateter", "katetrar"],
    "bandage": ["bandaget", "bandagen"], "salva": ["salvan", "salvor", "salvorna"],
    "rullator": ["rullatorn", "rullatorer"], "lift": ["liften", "liftar"], "sängkläder": ["sängkläderna"],
    "munvård": ["munvården"], "blöja": ["blöjan", "blöjor", "blöjorna"], "larm": ["larmet", "larmen"],
    "trygghetslarm": ["trygghetslarmet"], "nyckel": ["nyckeln", "nycklar", "nycklarna"],
    "matlåda": ["matlådan", "matlådor"], "tabletter": ["tabletterna", "tablett", "tabletten"],
    "ögondroppar": ["ögondropparna"], "kompressionsstrumpor": ["kompressionsstrumporna"],
    "hörapparat": ["hörapparaten", "hörapparater"], "glasögon": ["glasögonen"], "tandprotes": ["tandprotesen"],
    "journal": ["journalen", "journaler"], "signeringslista": ["signeringslistan", "signeringslistor"],
    "rullstol": ["rullstolen", "rullstolar"], "duschpall": ["duschpallen"], "sondmat": ["sondmaten"],
    "plåster": ["plåstret", "plåstren"], "termometer": ["termometern", "termometrar"],
}
VERBS = ["byta", "ge", "kontrollera", "tvätta", "förvara", "beställa", "rengöra", "hämta", "sätta på", "ta bort"]
VERBS2 = ["byter", "ger", "kontrollerar", "tvättar", "förvarar", "beställer", "rengör", "hämtar", "sätter på", "tar bort"]
WHO = ["vårdtagaren", "brukaren", "den boende", "patienten", "en äldre person", "min brukare", "kunden"]
PLACES = ["natten", "helgen", "boendet", "korttidsboendet", "dagverksamheten", "i hemtjänsten", "avdelningen"]
TIMES = ["natten", "helgen", "semestern", "ett fall", "en operation", "sjukhusvistelsen", "morgonbesöket"]
ADJ = ["dement", "sängliggande", "nyinflyttad", "orolig", "döende", "diabetisk"]


def base(rng):
    frame = rng.choice(FRAMES)
    i = rng.randrange(len(VERBS))
    slots = {"v": VERBS[i], "v2": VERBS2[i], "n": rng.choice(list(NOUNS)), "w": rng.choice(WHO),
             "p": rng.choice(PLACES), "t": rng.choice(TIMES), "a": rng.choice(ADJ)}
    return frame, slots


def render(frame, slots):
    return frame.format(**slots)


def edit(rng, q):
    words = q.split(" ")
    idx = [k for k, w in enumerate(words) if len(w) > 4]
    k = rng.choice(idx)
    w = words[k]
    j = rng.randrange(1, len(w) - 1)
    op = rng.randrange(4)
    if op == 0:
        w = w[:j] + w[j + 1:]
    elif op == 1:
        w = w[:j] + w[j] + w[j:]
    elif op == 2:
        w = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
    else:
        w = w[:j] + rng.choice("aeiouåäö") + w[j + 1:]
    words[k] = w
    return " ".join(words)


def reorder(rng, q):
    body = q.rstrip("?")
    words = body.split(" ")
    if rng.random() < 0.5:
        k = rng.randrange(len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
    else:
        words = [words[-1]] + words[:-1]
    return " ".join(words) + "?"


def inflect(rng, frame, slots):
    slots = dict(slots)
    slots["n"] = rng.choice(NOUNS[slots["n"]])
    return render(frame, slots)


def similar(rng, frame, slots):
    slots = dict(slots)
    slots["n"] = rng.choice([n for n in NOUNS if n != slots["n"]])
    return render(frame, slots)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=12000)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--variant-rate", type=float, default=0.35)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    seen = set()
    rows = []
    g = 0
    while g < args.groups:
        frame, slots = base(rng)
        q = render(frame, slots)
        if q in seen:
            continue
        seen.add(q)
        rows.append((g, "base", q))
        if rng.random() < args.variant_rate:
            kinds = rng.sample(["edit", "reorder", "inflection", "similar"], rng.randint(1, 3))
            for kind in kinds:
                if kind == "edit":
                    v = edit(rng, q)
                elif kind == "reorder":
                    v = reorder(rng, q)
                elif kind == "inflection":
                    v = inflect(rng, frame, slots)
                else:
                    v = similar(rng, frame, slots)
                if v != q and v not in seen:
                    seen.add(v)
                    rows.append((g, kind, v))
        g += 1
    rng.shuffle(rows)
    with open(os.path.join(args.out_dir, "qa_passed.jsonl"), "w", encoding="utf-8") as out, \
            open(os.path.join(args.out_dir, "truth.jsonl"), "w", encoding="utf-8") as truth:
        for line, (group, kind, q) in enumerate(rows, 1):
            score = round(rng.uniform(0.7, 1.0), 4)
            out.write(json.dumps({"question": q, "answer": "Följ rutinen och fråga sjuksköterskan. "
                                  "[source:rutiner/a.md#b]", "source_document": "rutiner/a.md",
                                  "persona": {"roll": "underskoterska", "erfarenhet": "erfaren"},
                                  "validation": {"composite_score": score}}, ensure_ascii=False) + "\n")
            truth.write(json.dumps({"line": line, "group": group, "kind": kind}) + "\n")
    print("planted: %d questions in %d groups -> %s" % (len(rows), args.groups, args.out_dir))


if __name__ == "__main__":
    main()
