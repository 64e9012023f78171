#!/usr/bin/env python3
"""Deterministic benchmark input for qa-export: DIR/qa_passed.jsonl and DIR/qa_rejected.jsonl.

Four styles, all in the validation step's shape (SPEC.md section 1: nested persona and
validation objects, citations, ignored fields, passed and rejected records):

  --style varied (default): Swedish care-work text drawn from a vocabulary of several thousand
      words (real words plus generated compounds, Zipf-weighted, random word order), so the text
      does not compress unrealistically well (gzip ~3x, like real prose). About 1.4 KB per record.
      Also exercises the mapping's branches at realistic rates: persona as object / string / ""
      / null / missing, missing persona parts, missing or null score and failure reason, integer
      scores, shuffled key order, a few emoji, quotes, tabs and newlines inside strings.
      Streams: memory stays flat whatever --records is.
  --style swedish: what the pipeline really writes: every text field (question, answer,
      source_document, section, category, question_type, the persona's parts, the validation's
      reasoning and failure_reason) holds non-ASCII Swedish (å, ä, ö), written as UTF-8, from the
      care-work vocabulary of dedup/gen_templated.py (questions: its 100 frames x 3 framings;
      answers: slot-filled advice sentences and its fixed sentences); the fields in the pipeline's
      order, with the ones qa-export skips (question_type, category, section, citations, coverage,
      confidence, generated_at, persona.situation/sprakbakgrund, validation.source_verification
      and quality_assessment). Persona: an object (3 % without erfarenhet) or, in 3 %, a string.
      No escapes in answers. About 1.4 KB per record.
  --style llm-escapes: as swedish, but the answers are written the way an LLM writes them:
      markdown (numbered and bulleted lists, **bold**, a > quote, sometimes a table), so every
      answer holds \n escapes, most hold \" and \t; some questions and reasoning quote a term.
  --style compat: calls compat/generate_input.py (the CI compatibility generator: every stress
      case, very repetitive text) with the same --records/--seed/--rejected-fraction.

Every record is valid per SPEC.md section 2, so a default export must succeed on it.
Stdlib only. Same arguments -> byte-identical files. Each style prints its record count, bytes
per record and (swedish, llm-escapes) how many text fields lack a non-ASCII character (0).

    python3 bench/generate.py --records 200000 --out-dir bench/work/data/200k [--seed 7] [--style S]
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


# ---------------------------------------------------------------------------------------------
# --style swedish and --style llm-escapes: the pipeline's own text, every text field non-ASCII.

def _vocabulary():
    """The care-work vocabulary of dedup/gen_templated.py (slots, question frames, sentences)."""
    sys.path.insert(0, os.path.join(HERE, "dedup"))
    try:
        import gen_templated
    finally:
        sys.path.pop(0)
    return gen_templated


def _non_ascii(s):
    return any(ord(c) > 127 for c in s)


SV_DOCS = ["läkemedelshantering", "förflyttning_och_lyft", "trycksårsprevention", "fallförebyggande_arbete",
           "munvård", "måltider_och_näring", "kateterskötsel", "stomivård", "demensvård", "palliativ_vård",
           "avvikelsehantering_och_lärande", "journalföring", "delegering_av_hälso-_och_sjukvårdsuppgifter",
           "smittskydd_och_vårdhygien", "hjälpmedel", "nattlig_tillsyn_på_äldreboende", "sårvård",
           "diabetesvård", "vätskebalans", "basala_hygienrutiner_i_vård_och_omsorg"]
SV_DIRS = ["rutiner", "riktlinjer", "lokala_instruktioner/äldreboende", "lokala_instruktioner/hemtjänst"]
SV_HEADINGS = ["Byte av förband", "Åtgärder efter fall", "Förvaring av läkemedel", "Ansvar vid delegering av läkemedel",
               "Före förflyttning", "Dokumentation efter åtgärd", "Bedömning av risk", "Daglig hudinspektion över hälar",
               "När sjuksköterskan ska kontaktas", "Skyddsutrustning vid vårdnära arbete", "Måltidssituationen",
               "Munvård för den som inte själv kan", "Rengöring av hjälpmedel", "Överrapportering vid skiftbyte",
               "Avvikelser och lärande", "Vård i livets slutskede", "Bemötande vid oro och ångest",
               "Läkemedel vid behov", "Nattlig tillsyn på äldreboende", "Kontroll av blodsocker före måltid", "Vätskelista och vägning",
               "Hantering av smittförande avfall", "Samtycke och självbestämmande", "Tystnadsplikt gentemot anhöriga"]
SV_QTYPES = ["procedurfråga", "faktafråga", "situationsfråga", "bemötandefråga", "observationsfråga",
             "ansvarsfråga"]
SV_CATEGORIES = ["vårdhygien", "läkemedel", "fallförebyggande", "sårvård", "munhälsa", "näring och vätska",
                 "demensvård", "bemötande", "journalföring", "förflyttning", "palliativ vård", "trycksår"]
SV_ROLES = ["undersköterska", "undersköterska", "undersköterska", "vårdbiträde", "vårdbiträde", "sjuksköterska",
            "distriktssköterska", "biståndshandläggare", "kontaktperson i hemtjänsten",
            "elev på vård- och omsorgsprogrammet", "vikarierande undersköterska", "nattsköterska"]
SV_EXPERIENCE = ["nyanställd", "nyanställd", "några års erfarenhet", "mycket erfaren, över tio år",
                 "timanställd vikarie", "student på praktik", "återvänder efter föräldraledighet",
                 "erfaren från sjukhusvård, ny i äldreomsorgen"]
SV_LANGUAGE = ["svenska som förstaspråk", "svenska som andraspråk", "nybörjare i svenska",
               "flerspråkig, svenska och arabiska", "flerspråkig, svenska och tigrinja", "läser svenska långsamt"]
SV_SITUATIONS = ["nattpass på {plats}", "ensam på kvällspasset i {plats}", "första veckan på {plats}",
                 "helgtjänstgöring på {plats} {tid}", "går dubbelbemanning på {plats}",
                 "täcker upp för en sjuk kollega på {plats}", "introduktion på {plats}, följer en handledare",
                 "arbetar delad tur på {plats}"]
SV_STRING_PERSONAS = ["anhörig", "närstående", "vårdtagare", "elev på vård- och omsorgsprogrammet",
                      "biståndshandläggare", "anhörigvårdare"]
# Advice sentences with slots (filled from gen_templated's pools), mixed with its fixed SENTENCES.
SV_ADVICE = [
    "Kontrollera alltid {hjälpmedel} innan du börjar med {handling}, och ta ett trasigt hjälpmedel ur bruk.",
    "Om vårdtagaren får {symtom} under {handling} ska du avbryta och genast kontakta {person}.",
    "Vid {tillstånd} är det extra viktigt att du observerar {symtom} och för in det i {dokument}.",
    "Byt {sak} när det är smutsigt eller fuktigt, och minst så ofta som det står i {dokument}.",
    "{läkemedel} får bara överlämnas av den som har en giltig delegering, och det ska signeras direkt efteråt.",
    "Ta hjälp av en kollega vid {handling} {tid}, särskilt om vårdtagaren har {tillstånd}.",
    "Om du är osäker på hur {hjälpmedel} fungerar ska du fråga {person} innan du använder det.",
    "Förvara {sak} torrt och åtskilt från rena förråd på {plats}.",
    "Skriv en avvikelse om {handling} inte kunde genomföras som planerat, och berätta vad som hände för {person}.",
    "Låt vårdtagaren själv välja när {handling} ska ske, så länge det går att förena med ordinationen.",
    "Vid {symtom} hos en vårdtagare med {tillstånd} ska {person} bedöma om läkare behöver kontaktas.",
    "På {plats} gäller den lokala rutinen för {handling}, som du hittar i pärmen på expeditionen.",
    "Notera i {dokument} vilken tid {handling} utfördes och hur vårdtagaren mådde efteråt.",
    "Tänk på att {tillstånd} kan göra att vårdtagaren reagerar långsammare, så ge tid och förklara varje steg.",
    "Om {sak} saknas {tid} ska du höra med {person} var reservförrådet finns.",
    "Använd handskar och engångsförkläde vid {handling}, och desinfektera händerna när du är klar.",
    "Följ upp {symtom} efter en timme och rapportera förändringar till {person} vid skiftbytet.",
    "Vårdtagare med {tillstånd} behöver ofta mer stöd vid {handling} än det som står i genomförandeplanen.",
    "Rengör {hjälpmedel} efter varje användning och märk det med datum när det är klart.",
    "Läs på om {tillstånd} i {dokument} innan ditt första pass på {plats}.",
]
SV_REASONING = [
    "Svaret stöds av avsnittet om {handling} i rutinen.",
    "Källan nämner {sak} men säger inget om hur ofta det ska bytas.",
    "Relevant för {plats}, men svaret utelämnar när {person} ska kontaktas.",
    "Korrekt och tydligt, täcker de viktigaste momenten vid {handling}.",
    "Svaret följer rutinen för {tillstånd} och är lätt att förstå för nyanställda.",
    "Delvis förankrat: uppgiften om {läkemedel} finns inte i källan.",
    "Bra bemötande, men ordningen på stegen skiljer sig från rutinen för {handling}.",
]
SV_FAILURES = [
    "Svaret innehåller påståenden som inte stöds av källan",
    "Svaret säger att {läkemedel} får ges utan delegering, vilket strider mot rutinen",
    "Frågan går inte att besvara utifrån källdokumentet",
    "Svaret är för allmänt hållet och nämner inte {handling}",
    "Felaktig hänvisning: avsnittet handlar om {sak}, inte om {tillstånd}",
    "För låg källtrohet: svaret blandar ihop rutinerna för {plats} och hemtjänsten",
    "Svaret uppmanar till att lyfta vårdtagaren ensam, vilket är farligt",
    "Svaret saknar uppgift om när {person} ska kontaktas vid {symtom}",
    "Dubblett av en tidigare fråga med nästan samma formulering",
    "Språket är för svårt för målgruppen (svenska som andraspråk)",
]
SV_CLAIMS = ["{läkemedel} kan ges vid behov utan att fråga {person}", "{sak} behöver bara bytas en gång i veckan",
             "det går bra att utföra {handling} ensam {tid}", "{symtom} är ofarligt vid {tillstånd}"]
# LLM-style answers: markdown, lists, quotes, tabs.
LLM_INTROS = ["Här är vad du behöver tänka på vid {handling}:", "Bra fråga! Så här gör du steg för steg:",
              "Enligt rutinen för {handling} på {plats} gäller följande:",
              "Det här är viktigt för patientsäkerheten. Kortfattat:",
              "Som {roll} ska du göra så här när vårdtagaren har {tillstånd}:"]
LLM_BOLD = ["Förbered", "Informera", "Kontrollera", "Dokumentera", "Rapportera", "Observera", "Avsluta",
            "Skydda dig", "Fråga", "Följ upp"]
LLM_QUOTES = ["Rutinen säger: \"{sentence}\"", "Tänk på principen \"hellre en gång för mycket än en för lite\".",
              "Skriv till exempel \"vårdtagaren avböjde {handling}, erbjuds igen {tid}\" i {dokument}.",
              "Sjuksköterskan brukar säga \"dokumentera det du ser, inte det du tror\"."]
LLM_OUTROS = ["**Sammanfattning:** {sentence}", "Kontakta alltid {person} om du är osäker.",
              "*Obs!* Lokala rutiner på {plats} kan skilja sig åt – läs dem under introduktionen.",
              "Hoppas det hjälper! Fråga gärna {person} om något är oklart."]


# Fixed pools are used as they are: each must hold a non-ASCII letter (slot-filled frames are
# checked per string, see SwedishText.swedish).
for _pool in (SV_DOCS, SV_HEADINGS, SV_QTYPES, SV_CATEGORIES, SV_ROLES, SV_EXPERIENCE, SV_LANGUAGE,
              SV_STRING_PERSONAS):
    assert all(_non_ascii(_s) for _s in _pool), [_s for _s in _pool if not _non_ascii(_s)]


class SwedishText:
    """Fills the vocabulary's frames; every string it returns holds at least one non-ASCII letter."""

    def __init__(self, rng, llm):
        self.rng = rng
        self.llm = llm
        self.v = _vocabulary()

    def fill(self, frame, **fixed):
        rng = self.rng
        values = {}
        for name, pool in self.v.SLOTS.items():
            if "{" + name + "}" in frame:
                values[name] = rng.choice(pool)
        for name, pool in (("roll", SV_ROLES), ("sentence", self.v.SENTENCES)):
            if "{" + name + "}" in frame:
                values[name] = rng.choice(pool)
        values.update(fixed)
        return frame.format(**values), values

    def swedish(self, make):
        """make() until the result holds a non-ASCII letter (a few vocabulary entries are ASCII)."""
        while True:
            s = make()
            if _non_ascii(s):
                return s

    def question(self):
        rng, v = self.rng, self.v

        def make():
            q, values = self.fill(rng.choice(v.FRAMES))
            if rng.random() < 0.3:
                q = q[:-1] + " " + rng.choice(v.KONTEXT) + "?"
            q = rng.choice(v.FRAMINGS)(q)
            if self.llm and rng.random() < 0.2 and values:
                word = rng.choice(sorted(values.values()))
                q = q.replace(word, '"%s"' % word, 1)
            return q
        return self.swedish(make)

    def prose(self, target):
        rng, v = self.rng, self.v
        parts, length = [], 0
        while length < target:
            s = self.fill(rng.choice(SV_ADVICE))[0] if rng.random() < 0.6 else rng.choice(v.SENTENCES)
            parts.append(s)
            length += len(s) + 1
        return " ".join(parts)

    def llm_answer(self, target):
        rng, v = self.rng, self.v
        out = [self.fill(rng.choice(LLM_INTROS))[0], ""]
        n = 0
        length = len(out[0])
        while length < target * 0.5 or n < 2:
            n += 1
            if rng.random() < 0.5:
                step = "%s och %s." % tuple(x.capitalize() if k == 0 else x
                                            for k, x in enumerate(rng.sample(v.LIST_ITEMS, 2)))
            else:
                step = self.fill(rng.choice(SV_ADVICE))[0]
            item = "%d. **%s:** %s" % (n, rng.choice(LLM_BOLD), step)
            if rng.random() < 0.35:
                item += "\n\t- " + rng.choice(v.LIST_ITEMS).capitalize()
                if rng.random() < 0.5:
                    item += "\n\t- " + rng.choice(v.LIST_ITEMS).capitalize()
            out.append(item)
            length += len(item) + 1
        out.append("")
        r = rng.random()
        if r < 0.7:
            out.append("> " + self.fill(rng.choice(LLM_QUOTES))[0])
            out.append("")
        if 0.55 < r < 0.75:
            out.append("| Moment\t| Ansvarig |\n|---|---|\n| %s\t| undersköterska |\n| Bedömning\t| sjuksköterska |"
                       % rng.choice(v.HANDLING).capitalize())
            out.append("")
        if rng.random() < 0.6:
            out.append(self.fill(rng.choice(LLM_OUTROS))[0])
        return "\n".join(out).rstrip("\n")

    def answer(self, doc, anchor):
        target = int(self.rng.triangular(60, 340, 120))
        body = self.swedish(lambda: self.llm_answer(target) if self.llm else self.prose(target))
        return "%s [source:%s#%s]" % (body, doc, anchor)

    def sentence(self, pool):
        return self.swedish(lambda: self.fill(self.rng.choice(pool))[0])


def make_swedish_record(rng, text, i, rejected):
    doc_name = rng.choice(SV_DOCS)
    doc = "%s/%s.md" % (rng.choice(SV_DIRS), doc_name)
    heading = rng.choice(SV_HEADINGS)
    number = "%d.%d" % (rng.randint(1, 9), rng.randint(1, 6))
    anchor = heading.lower().replace(" ", "-")
    persona = {"roll": rng.choice(SV_ROLES), "erfarenhet": rng.choice(SV_EXPERIENCE),
               "situation": text.sentence(SV_SITUATIONS), "sprakbakgrund": rng.choice(SV_LANGUAGE)}
    p = rng.random()
    if p < 0.03:
        persona = rng.choice(SV_STRING_PERSONAS)
    elif p < 0.06:
        del persona["erfarenhet"]
    reasoning = text.sentence(SV_REASONING)
    if text.llm and rng.random() < 0.2:
        reasoning += ' Formuleringen "%s" är tydlig.' % rng.choice(text.v.LIST_ITEMS)
    lo, hi = (0.15, 0.69) if rejected else (0.70, 0.99)
    validation = {
        "passed": not rejected,
        "composite_score": round(rng.uniform(lo, hi), 2),
        "source_verification": {
            "is_grounded": not rejected or rng.random() < 0.4,
            "similarity_score": round(rng.uniform(0.3, 0.98), 2),
            "reasoning": reasoning,
            "ungrounded_claims": [text.sentence(SV_CLAIMS)] if rejected and rng.random() < 0.6 else [],
        },
        "quality_assessment": {
            "relevans": rng.randint(2 if rejected else 3, 5),
            "korrekthet": rng.randint(1 if rejected else 3, 5),
            "fullstandighet": rng.randint(1 if rejected else 3, 5),
            "reasoning": text.sentence(SV_REASONING),
        },
        "failure_reason": text.sentence(SV_FAILURES) if rejected else None,
    }
    citations = ["%s#%s" % (doc, number)]
    if rng.random() < 0.25:
        citations.append("%s/%s.md#%d.%d" % (rng.choice(SV_DIRS), rng.choice(SV_DOCS), rng.randint(1, 9),
                                             rng.randint(1, 6)))
    t = 36000 + i * 7
    return {
        "question": text.question(),
        "answer": text.answer(doc, anchor),
        "source_document": doc,
        "question_type": rng.choice(SV_QTYPES),
        "category": rng.choice(SV_CATEGORIES),
        "section": "%s %s" % (number, heading),
        "citations": citations,
        "coverage": round(rng.uniform(0.4, 1.0), 2),
        "confidence": round(rng.uniform(0.5, 0.99), 2),
        "generated_at": "2026-11-%02dT%02d:%02d:%02dZ" % (1 + t // 86400 % 28, t // 3600 % 24, t // 60 % 60, t % 60),
        "persona": persona,
        "validation": validation,
    }


def _text_fields(rec):
    """The record's text fields, for the all-non-ASCII check."""
    v = rec["validation"]
    fields = [rec["question"], rec["answer"], rec["source_document"], rec["question_type"], rec["category"],
              rec["section"], v["source_verification"]["reasoning"], v["quality_assessment"]["reasoning"]]
    fields += v["source_verification"]["ungrounded_claims"]
    p = rec["persona"]
    fields += list(p.values()) if isinstance(p, dict) else [p]
    if v["failure_reason"] is not None:
        fields.append(v["failure_reason"])
    return fields


def write_swedish(out_dir, records, seed, rejected_fraction, llm):
    rng = random.Random(seed)
    text = SwedishText(rng, llm)
    n_rej = int(round(records * rejected_fraction))
    n_pass = records - n_rej
    os.makedirs(out_dir, exist_ok=True)
    ascii_fields = total = 0
    for name, n, rejected, base in (("qa_passed.jsonl", n_pass, False, 0),
                                    ("qa_rejected.jsonl", n_rej, True, n_pass)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            buf = []
            for i in range(n):
                rec = make_swedish_record(rng, text, base + i, rejected)
                ascii_fields += sum(not _non_ascii(s) for s in _text_fields(rec))
                buf.append(json.dumps(rec, ensure_ascii=False, allow_nan=False))
                if len(buf) == 4096:
                    f.write("\n".join(buf) + "\n")
                    buf.clear()
            if buf:
                f.write("\n".join(buf) + "\n")
        total += os.path.getsize(os.path.join(out_dir, name))
    style = "llm-escapes" if llm else "swedish"
    print(f"generate: {n_pass} passed, {n_rej} rejected -> {out_dir} ({style}, seed {seed}; "
          f"{total / max(records, 1):.0f} bytes per record; text fields without a non-ASCII letter: {ascii_fields})",
          file=sys.stderr)
    if ascii_fields:
        sys.exit("generate: the %s style must write non-ASCII text in every text field" % style)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, required=True, help="total records (passed + rejected)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rejected-fraction", type=float, default=0.3)
    ap.add_argument("--style", choices=["varied", "swedish", "llm-escapes", "compat"], default="varied")
    args = ap.parse_args(argv)
    if args.style == "compat":
        cmd = [sys.executable, os.path.join(HERE, "..", "compat", "generate_input.py"),
               "--records", str(args.records), "--out-dir", args.out_dir, "--seed", str(args.seed),
               "--rejected-fraction", str(args.rejected_fraction)]
        sys.exit(subprocess.call(cmd))
    if args.style in ("swedish", "llm-escapes"):
        write_swedish(args.out_dir, args.records, args.seed, args.rejected_fraction, args.style == "llm-escapes")
    else:
        write_varied(args.out_dir, args.records, args.seed, args.rejected_fraction)


if __name__ == "__main__":
    main()
