"""Document kinds. Each builder takes a DocCtx and renders a whole document into ctx.b."""
from __future__ import annotations

import random

from .core import Ctx
from . import pools as P


class DocCtx(Ctx):
    """Adds the non-PHI slots (negatives and clinical filler)."""

    def _n(self, hi):
        self.t(str(self.rng.randint(0, hi)))

    def s_n10(self): self._n(12)
    def s_n21(self): self._n(21)
    def s_n27(self): self._n(27)
    def s_n30(self): self._n(30)
    def s_n40(self): self._n(40)
    def s_n42(self): self._n(42)
    def s_n52(self): self._n(52)
    def s_n63(self): self._n(63)
    def s_n80(self): self._n(80)
    def s_k10(self): self.t(str(self.rng.randint(10, 50)))
    def s_m30(self): self.t(str(self.rng.randint(14, 30)))
    def s_scale(self): self.r(self.pick(P.SCALES))
    def s_scale2(self): self.r(self.pick(P.SCALES))
    def s_dx(self): self.t(self.pick(P.DX))
    def s_dx2(self): self.t(self.pick(P.DX))
    def s_med(self): self.t(self.pick(P.MEDS))
    def s_dur(self): self.t(self.pick(P.DURS))
    def s_time(self): self.t(self.pick(P.TIMES))
    def s_genplace(self): self.t(self.pick(P.GENPLACES))
    def s_eponym(self): self.t(self.pick(P.EPONYMS))
    def s_vitals(self): self.t(", ".join(self.pick(P.VITALS, self.rng.randint(2, 5))))
    def s_labs(self): self.t(", ".join(self.pick(P.LABS, self.rng.randint(2, 4))))
    def s_year(self): self.t(str(self.rng.randint(1995, 2025)))
    def s_room(self): self.t(self.rng.choice(["Room ", "Rm ", "bed ", "Bay ", "Bed "]) + str(self.rng.randint(1, 40 if self.rng.random() < .5 else 620)))
    def s_intv(self): self.t(self.pick(P.INTV))
    def s_homework(self): self.r(self.pick(P.HOMEWORK))
    def s_sx(self): self.t(self.pick(P.SX))
    def s_sx2(self): self.t(self.pick(P.SX))
    def s_mood(self): self.t(self.pick(P.MOODS))
    def s_affect(self): self.t(self.pick(P.AFFECTS))
    def s_quote(self): self.r(self.pick(P.SUBJ_Q))
    def s_holiday(self):
        r = self.rng
        if r.random() < 0.5:
            self.t(r.choice(["the weekend", "the holidays", "the school break", "summer"]))
        else:
            self.p(r.choice(["Christmas", "Easter", "Thanksgiving", "New Year's Eve", "Christmas Day"]) + f" {self.session.year - r.randint(0, 1)}", "DATE")

    def s_ins_name(self): self.t(self.pick(P.INS_NAMES))
    def s_rare(self):
        r = self.rng
        self.p(f"the only {r.choice(P.RARE_OCC)} in {r.choice(['town', 'the county', 'the valley', 'the district', 'the region'])}", "UNIQUE_EVENT")

    def s_gram(self):
        """Random clause grammar: opener + subject + predicate + object + tail."""
        r = self.rng
        self.r(r.choice(GR_OPEN))
        self.r(r.choice(GR_SUBJ))
        self.t(" ")
        self.r(r.choice(GR_PRED))
        self.t(" ")
        self.r(r.choice(GR_OBJ))
        self.r(r.choice(GR_TAIL))
        self.t(r.choice([".", ".", ".", ";", ". ", "."]))

    def s_filler(self):
        r = self.rng
        if r.random() < 0.5:
            self.t(r.choice(["um ", "uh ", "like ", "you know ", "i mean ", "so ", "yeah ", "okay so ", "mm ", "kind of "]))


GR_OPEN = ["", "", "", "Today ", "In session, ", "During the phone call, ", "At check-in, ", "When asked, ",
           "Later in the session ", "Again ", "Per collateral, ", "On review, ", "Before the break, ", "Overall, "]
GR_SUBJ = ["{C}", "{C}", "{Cf}", "{He}", "{Ct}", "{F}", "{O}", "{Fn}", "{Cn}", "{Ci}", "{the client|client|pt|the patient}"]
GR_PRED = ["reported", "described", "discussed", "denied", "minimised", "acknowledged", "expressed worry about",
           "became tearful discussing", "was ambivalent about", "brought up", "avoided talking about", "focused on",
           "asked about", "laughed off", "was preoccupied with", "raised", "returned to", "wanted help with", "complained of",
           "c/o", "endorsed", "reflected on", "was angry about", "apologised for"]
GR_OBJ = ["{sx}", "{sx} and {sx2}", "conflict with {Fn}", "the move to {city}", "{his} job at {emp}", "the admission to {hosp}",
          "{his} drinking", "the incident on {date}", "side effects of {med}", "the {scale} result", "{Fp} health",
          "money worries", "{his} court date on {dfut}", "grades at {school}", "{On}", "the breakup with {On}",
          "the anniversary on {dpast}", "a fight at {loc}", "{his} diagnosis of {eponym}", "{dx}", "starting {med}",
          "getting back to {genplace}", "{his} sleep", "{his} kids", "what {Fn} said", "turning {age}"]
GR_TAIL = ["", "", "", " {dur}", " since {dpast}", " {at work|at home|at school}", " after the session on {date}",
           " when {Fn} visited", ", per {F}", " (see note dated {date})", " at {time}", " with {D}", " over {holiday}"]


# ---------------------------------------------------------------------------- helpers

def heading(c: DocCtx, name: str) -> None:
    r = c.rng
    style = c.once("hstyle", lambda: r.choice(["colon", "caps", "md", "plain", "bold"]))
    if style == "colon":
        c.t(f"{name}: ")
    elif style == "caps":
        c.t(f"{name.upper()}\n")
    elif style == "md":
        c.t(f"## {name}\n")
    elif style == "bold":
        c.t(f"**{name}**\n")
    else:
        c.t(f"{name}\n")


def section(c: DocCtx, name: str, pool, k_lo=1, k_hi=3, bullets=None):
    r = c.rng
    heading(c, name)
    k = r.randint(k_lo, k_hi)
    if bullets is None:
        bullets = c.once("bullets", lambda: r.random() < 0.25)
    if bullets:
        c.rs(pool, k, sep="\n", prefix=r.choice(["- ", "* ", "• "]))
    else:
        c.rs(pool, k)
    c.t("\n\n")


def admin_block(c: DocCtx, k_lo=2, k_hi=5):
    c.rs(P.ADMIN, c.rng.randint(k_lo, k_hi), sep="\n")
    c.t("\n\n")


# ---------------------------------------------------------------------------- progress notes

def soap_note(c):
    c.r("{SOAP Progress Note|Progress Note (SOAP)|SOAP NOTE|Individual Therapy Note}\n")
    admin_block(c)
    section(c, "S", P.SUBJ + [*P.SOCIAL[:3]], 2, 4)
    section(c, "O", P.OBJ, 1, 3)
    section(c, "A", P.ASSESS + P.RISK[:2], 1, 3)
    section(c, "P", P.PLAN, 1, 3)
    c.r("{Dsig}{| ({prov})}\n")


def dap_note(c):
    c.r("{DAP Note|DAP Progress Note|Session Note - DAP format}\n")
    admin_block(c, 2, 4)
    section(c, "Data", P.SUBJ + P.OBJ, 2, 5)
    section(c, "Assessment", P.ASSESS, 1, 3)
    section(c, "Plan", P.PLAN, 1, 3)
    c.r("{Dsig}\n")


def birp_note(c):
    c.r("{BIRP Note|Behavioral Health Progress Note (BIRP)|BIRP}\n")
    admin_block(c, 2, 4)
    section(c, "Behavior", P.SUBJ + P.OBJ, 1, 3)
    section(c, "Intervention", BIRP_INT, 1, 3)
    section(c, "Response", BIRP_RESP, 1, 2)
    section(c, "Plan", P.PLAN, 1, 3)
    c.r("{Dsig}{|\n{prov}}\n")


BIRP_INT = [
    "Clinician used {intv} to address {sx}.", "Reviewed {Cp} safety plan and coping cards.",
    "Provided psychoeducation on {sx} and {med}.", "Role-played a conversation with {F}.",
    "{Dme} facilitated a chain analysis of the incident on {date}.", "Practised grounding; reviewed {scale}.",
]
BIRP_RESP = [
    "{C} {engaged well|was receptive|was guarded} and {identified two coping skills|agreed to homework}.",
    "{Cf} rated distress {8/10 at start and 4/10 at end|6/10 throughout}.",
    "{C} said \"{quote}\"", "{He} planned to discuss the plan with {F} before {dfut}.",
]


def intake_summary(c):
    c.r("{Intake Assessment|Initial Assessment Summary|INTAKE SUMMARY|Comprehensive Intake}\n")
    c.r("Client: {Cformal}\nDOB: {dob}{| (age {age})}\n{Address: {addr}|Home address:\n{addrblock}}\n{Phone|Mobile|Cell}: {phone}\n{hid}\n{|Email: {email}\n}{|MRN: {mrn}\n}Date of intake: {today}\n\n")
    heading(c, "Reason for referral")
    c.r("{C} is a {agephr} {referred by {D2}|self-referred|referred by {school}|referred by {his} employer, {emp},|referred from {hosp}} for {sx} and {sx2}. ")
    c.rs(P.SUBJ, c.rng.randint(1, 3)); c.t("\n\n")
    section(c, "History of presenting problem", P.SUBJ, 2, 3)
    section(c, "Psychiatric history", P.RISK[5:] + P.ASSESS[:3] + ["Previous treatment with {D2} at {hosp} {in {year}|from {dpast}}."], 1, 3)
    section(c, "Social history", P.SOCIAL, 2, 5)
    section(c, "Mental status", P.OBJ, 1, 2)
    section(c, "Risk", P.RISK, 1, 2)
    section(c, "Formulation and plan", P.ASSESS + P.PLAN, 2, 3)
    c.r("{Dsig}\n{|{prov}\n}")


def referral_letter(c):
    r = c.rng
    c.r("{practice}\n{paddrblock}\n{Ph|Phone|Tel|T}: {pphone}{  ·  |\n|   }{Fax|F}: {fax}\n{|{cemail}\n}{prov}\n\n")
    c.r("{today}\n\n")
    c.r("{D2}\n{hosp}\n{Dept of Psychiatry\n|Outpatient Clinic\n|}{addr}\n\n")
    c.r("{Re|RE|Re:}{:|} {Cformal}{, DOB {dob}| (DOB: {dob})|}\n{|{hid}\n}{|MRN {mrn}\n}\n")
    c.r("Dear {D2}{,|:}\n\n")
    c.r("Thank you for {seeing|reviewing|accepting the referral of} {C}, a {agephr} {woman|man|client|patient} whom I have seen since {dpast} for {sx}. ")
    c.rs(P.SUBJ + P.ASSESS, r.randint(2, 4)); c.t("\n\n")
    c.rs(P.SOCIAL + P.RISK[:3], r.randint(1, 3)); c.t(" ")
    c.r("{I would be grateful for your opinion regarding medication.|I am requesting an assessment for {dx}.|Please contact me on {pphone} to discuss.}\n\n")
    c.r("{Kind regards|Yours sincerely|Sincerely|Warm regards},\n\n{Dme}\n{creds}\n{|{prov}\n}{|cc: {F}\n}")


def supervision_case(c):
    c.r("{Clinical Supervision Notes|Supervision Case Presentation|Case Consultation}\n{Supervisee|Clinician}: {Dme}\nSupervisor: {On}\nDate: {today}\n\n")
    heading(c, "Case")
    c.r("{{Ci}|{Cf}|{C}} ({agephr}{|, {he}}) {has been seen|has attended} {8|12|20|6} sessions since {dpast}. ")
    c.rs(P.SUBJ + P.SOCIAL, c.rng.randint(2, 4)); c.t("\n\n")
    section(c, "Clinical questions", SUP_Q, 1, 3)
    section(c, "Risk", P.RISK, 1, 2)
    section(c, "Supervisor feedback", SUP_FB, 1, 3)


SUP_Q = [
    "How to handle {Cp} request to {hug at the end of sessions|reduce fees|meet outside the clinic}?",
    "Countertransference: {Dme} notes frustration when {Cf} talks about {F}.",
    "Whether to break confidentiality given the disclosure about {On} on {date}.",
    "Dual relationship: {C} works at {emp}, where my {partner|sister} also works.",
    "{C} recently found my {instagram|facebook page} and messaged me from {handle}.",
    "Is {dx} the right formulation, or {eponym}-related?", "{Cf} sent me a link to {his} page ({url}) - should I look?",
]
SUP_FB = [
    "{Supervisor|Supervisor {On}} suggested {intv} and consultation with {D2}.", "Document the call with {F} on {date}.",
    "Review the {scale} again at session {10|12|6}.", "Consider a referral to {org}.",
    "Clarify boundaries; discuss at the next supervision on {dfut}.",
]


def transcript(c):
    r = c.rng
    c.r("{Session Transcript|TRANSCRIPT|Therapy session recording - transcript|Transcript of session} - {today}\n{|Participants: {Dme} (therapist), {Cf} (client)\n}\n")
    cl_label = r.choice(["CLIENT", "CLIENT ({Cf})", "{Cf}", "C", "PT", "Client"])
    th_label = r.choice(["THERAPIST", "T", "{Dme}", "Therapist", "CLINICIAN", "@DRLAST"])
    fam_label = r.choice(["Mom", "MOTHER", "Dad", "{Fn}", "PARTNER"])
    ts = r.random() < 0.6
    fam = r.random() < 0.35
    n = r.randint(8, 18)
    for i in range(n):
        if ts:
            c.s_ts(); c.t(" ")
        who = r.random()
        if who < 0.45:
            _lbl(c, th_label); c.t(": "); c.r(c.pick(TH_LINES))
        elif who < 0.88 or not fam:
            _lbl(c, cl_label); c.t(": "); c.r(c.pick(CL_LINES))
        else:
            _lbl(c, fam_label); c.t(": "); c.r(c.pick(FAM_LINES))
        c.t("\n")


def _lbl(c, lbl):
    if lbl == "@DRLAST":
        c.t("DR. "); c.p(c.clin.last.upper(), "CLINICIAN_NAME")
    else:
        c.r(lbl)


TH_LINES = [
    "How has your week been, {Cf}?", "Last time we talked about {F}. How did that go?", "Can you tell me more about that?",
    "What was going through your mind on {date}?", "On a scale of one to ten, how strong is the urge right now?",
    "It sounds like work at {emp} has been really stressful.", "Did you get a chance to try the {homework}?",
    "I want to check in about safety. Any thoughts of hurting yourself since {dpast}?", "Mm-hm.", "Okay.",
    "Let's book the next one for {dfut}.", "What did {On} say when you told {him|them}?", "That makes sense.",
    "Your PHQ-9 came out at {n27} today, a bit lower than last time.", "Is {his|your} number still {phone}?",
    "Would it help to invite {Fn} to a session?", "When you say {On} was there, who is {On} to you?",
    "Remind me, is it {Fn} who picks you up on Thursdays?", "You mentioned {loc} last week, what happened there?",
    "We need your {hid} for the form, do you have the card?", "Happy belated birthday, by the way. Was it on {date}?", "How's school at {school}?", "Let's slow down for a second.",
]
CL_LINES = [
    "Honestly it's been rough. {F} and I had a huge fight on {date}.", "I don't know. Fine, I guess.",
    "I tried, but {On} kept texting me.", "I went to {loc} on the weekend and it was actually nice.",
    "My boss at {emp} said I might lose my shifts.", "I haven't taken the {med} since {dpast}.",
    "Yeah, still {phone}. Or you can email me at {email}.", "I moved, I'm at {addr} now.",
    "My {mom|dad|sister|grandma}, {Fn}, thinks I'm overreacting.", "I turned {age} last week and nobody remembered.",
    "I had a panic attack at school. Like, in front of everyone.", "No. No thoughts like that.", "Maybe a six.",
    "I keep thinking about {dpast}. That's when it all started.", "They moved me to the night shift.", "Yeah.",
    "{Ct} at {school} called my mum again.", "I got a ticket, the car's plate is {plate}, it's in my name.",
    "Me and {On} drove out to {city2} on {date}.", "My caseworker {On} said I need my {idother} for that.",
    "It's {Fp} birthday on {dfut} and I'm dreading it.", "Just call me {Cn}, everyone does.", "I saw {D2} at {hosp} and they upped my dose.",
    "My {kid|brother|sister} {kid} is staying with us till {dfut}.", "I posted about it on {handle}, which was dumb.",
]
FAM_LINES = [
    "{Cf} hasn't been sleeping. I hear {him} up at {time}.", "We're at our wits' end, honestly.",
    "Since {dpast} {he} won't talk to me.", "The school, {school}, called us twice this month.",
    "I'm {his} {mother|father|partner}, {Fn}. I just want to help.",
]


def asr_transcript(c):
    r = c.rng
    n = r.randint(8, 16)
    lab = r.random()
    for i in range(n):
        if lab < 0.4:
            c.t(r.choice(["speaker one: ", "speaker two: ", "spk a ", "spk b "]) if r.random() < 0.9 else "")
        elif lab < 0.6:
            c.t(r.choice(["therapist ", "client "]))
        c.s_filler()
        c.r(c.pick(ASR_LINES))
        c.t("\n" if r.random() < 0.7 else " ")


ASR_LINES = [
    "so {Cf} how have you been since we last met",
    "my name is {Cfull} and um i was born {dob}",
    "yeah you can call me on {phone} that's my cell",
    "i live at {street} in {city} uh near {loc}",
    "my email is {email} if you need it",
    "it happened on {date} i think or maybe the day after",
    "my {mom|dad|sister|partner} {Fn} like she just doesn't get it you know",
    "i'm {age} so like i should have it together by now",
    "i work at {emp} and my boss {On} is um kind of a lot",
    "my daughter {kid} goes to {school} and she's doing okay",
    "i saw doctor {D2} at {hosp} and they changed my meds",
    "the zip code is {zip} yeah",
    "so the next appointment would be {dfut} does that work",
    "um my medicare number is {aumed}",
    "uh {Fp} place is on {street} so i've been staying there",
    "i posted it on my instagram it's {handle}",
    "my mum's number is {phone} if something happens",
    "i mean i'm {rare} so everybody knows me",
    "honestly i just feel tired all the time",
    "we talked about that last week right the breathing stuff",
    "i didn't drink at all this week which is like a first",
    "yeah no i've been taking the sertraline every day",
    "i don't know it's just a lot",
    "{Cf} do you want to say more about that",
    "i got into a fight with {On} at the party on {date}",
    "so my social is {ssn} for the forms",
    "the case number is like {idother}",
    "it was {dpast} when i got out of {hosp}",
    "my nhs number is {nhs} i think",
    "okay so i've got you down at {street} is that still right",
    "uh it's {Cfull} c like the letter and then the rest yeah",
    "my partner {Fn} is coming on {dfut} if that's okay",
    "i'm at {loc} right now actually so the reception's bad",
    "the pharmacy on {street} said the script ran out",
    "i turned {age} on {date} and like nobody called",
    "my brother {Fn} lives in {city} so i might go stay with him",
    "that email came from {femail} it's the family one",
    "yeah my insurance id is {plan}",
    "you can text me at {phone} any time after three",
]


def group_note(c):
    r = c.rng
    c.r("{Group Therapy Note|GROUP SESSION NOTE|DBT Skills Group - Progress Note|Process Group Note}\nDate: {today}{| at {time}}\nFacilitator{|s}: {Dme}{| and {On}}\n{|Location: {practice}, Room {n10}\n}\n")
    c.r("Topic: {distress tolerance|emotion regulation|relapse prevention|grief|anger management|interpersonal effectiveness}\n\n")
    members = [c.client] + c.others[:r.randint(1, 3)] + [p for _, p in c.family[:1]]
    heading(c, "Members present")
    for i, m in enumerate(members):
        if i:
            c.t(", ")
        c.name(m, r.choice(["full", "first", "flast", "initials"]))
    c.t("\n\n")
    for m in members:
        c.t(r.choice(["- ", "", "* "]))
        c.name(m, r.choice(["first", "flast", "initials", "title", "first"]))
        c.r(c.pick(GROUP_LINES))
        c.t("\n")
    c.t("\n")
    c.r("{Next group {dfut}.|Group will meet again on {dfut} at {time}.}\n{Dsig}\n")


GROUP_LINES = [
    " shared about {his|their} week and {sx}; {engaged|quiet|tearful} throughout.",
    " reported using skills from {intv} {at work|at home|at school}; {scale}.",
    " left early at {time} to pick up {kid}.", " described a conflict with {On} on {date}.",
    " {disclosed|mentioned} {event}; group was supportive.", " was {absent|late}; will follow up by phone ({phone}).",
    ": \"{quote}\"", " gave feedback to {Cf}; {appropriate|supportive|dismissive}.",
    " is starting a new job at {emp} on {dfut}.", " discussed relapse on {dpast}; {C} offered support.",
]


def couples_family(c):
    r = c.rng
    c.r("{Family Therapy Session Note|Couples Session Note|FAMILY SESSION|Conjoint Session Progress Note}\nDate: {today}\n{|Identified client: {Cformal} ({agephr})\n}Present: {Cf}, {F}{|, {Fn}}{| and {Fn}}\n\n")
    section(c, "Presenting concerns", FAM_POOL, 2, 4)
    section(c, "Observations", FAM_OBS + P.OBJ[:2], 1, 3)
    section(c, "Plan", P.PLAN + ["Parents to contact {school} re: {Cfp} IEP meeting on {dfut}."], 1, 3)
    c.r("{Dsig}\n")


FAM_POOL = [
    "{Fn} reported that {Cf} ({age}) has been refusing school since {dpast}.",
    "{Fp} main concern is {Cfp} {screen time|anger|vaping|self-harm|eating}.",
    "The couple disagree about {money|parenting|{Fp} drinking|moving to {city2}}.",
    "{F} said \"{quote}\"", "Custody arrangement: {Cf} stays with {Fn} on weekends at {addr}.",
    "CPS involvement: {idother}; caseworker {On} ({phone}).",
    "{kid}, {age_other}, attends {school} and has {eponym}.",
    "{Cf} told {Fn} that {he} felt {unheard|blamed|invisible} after the {date} incident.",
    "{parent} works {nights|long hours} at {emp}.",
]
FAM_OBS = [
    "{Fn} interrupted {Cf} repeatedly.", "{Cf} sat closer to {Fn} and made little eye contact with {F}.",
    "Parents were {aligned|split} on consequences; {Cf} {withdrew|became tearful}.",
]


def risk_assessment(c):
    c.r("{Risk Assessment|SUICIDE/VIOLENCE RISK ASSESSMENT|Risk Assessment and Safety Plan|Duty to Warn Documentation}\nClient: {Cformal}{| (DOB {dob})}\n{|MRN: {mrn}\n}Date/time: {today} {time}\nAssessor: {Dme}\n\n")
    section(c, "Presenting risk", P.RISK, 2, 4)
    heading(c, "Third party at risk")
    c.r("{Name|Intended victim|Identified third party}: {On}\n{Address|Last known address}: {addr2}\n{Phone|Contact}: {phone}\n{|Relationship: {ex-partner|coworker|neighbour|former friend}\n}\n")
    section(c, "Actions taken", RISK_ACT, 2, 4)
    c.r("{Dsig}\n")


RISK_ACT = [
    "Called {On} at {phone} on {today} at {time}; message left.", "Notified {city} police (event # {idother}).",
    "Consulted {D2} and {org}.", "Informed {Cf} of the limits of confidentiality.",
    "Safety plan completed with {F}; means restriction discussed (firearms moved to {Fp} house).",
    "Reported to the licensing board per policy; {prov}.", "Voluntary admission to {hosp} arranged for {dfut}.",
]


def email_message(c):
    r = c.rng
    c.r("From: {Cfull} <{email}>\nTo: {Dme} <{cemail}>\n{Sent|Date}: {today} {time}\nSubject: {Re: next appointment|question about my meds|cancelling {dfut}|forms for {emp}|invoice {acct}|Letter for work}\n\n")
    c.r("{Hi|Hello|Dear|Hey} {D}{,|!|}\n\n")
    c.rs(EMAIL_BODY, r.randint(2, 4)); c.t("\n\n")
    c.r("{Thanks|Cheers|Best|Kind regards|Sent from my iPhone},\n{{Cf}|{Cfull}|{Cn}|{Ci}}\n{|{phone}\n}{|{addr}\n}")
    if r.random() < 0.3:
        c.r("\n---\nPortal audit: message sent from IP {ip}; device {dev}\n")


EMAIL_BODY = [
    "I need to cancel our session on {dfut} because {Fn} is sick.", "Could you send the letter to {emp} HR ({email})?",
    "My new address is {addr}.", "I've been feeling worse since {dpast} and I'm not sure the {med} is helping.",
    "Can {Fn} come to the next session?", "My insurance changed, the new member ID is {plan}.",
    "{D2} said I should ask you about {dx}.", "I paid invoice {acct} yesterday.", "Please call me on {phone} after {time}.",
    "Things with {On} got worse after {date}.", "I'm at my {mum's|dad's|sister's} place ({street}) until {dfut}.",
    "My car ({vin}) got towed so I can't drive in.", "Can we do telehealth? My IP keeps getting blocked ({ip}).", "My {kid|son|daughter}, {kid}, starts at {school} on {dfut}.",
    "The forms ask for my {hid} - is that right?", "Here is the link I mentioned: {url}",
    "{Fn} set up a fundraiser for us ({url}), is it ok to mention it in the letter?", "I had a rough night and ended up at {hosp}.",
]


def icu_note(c):
    r = c.rng
    c.r("{ICU PROGRESS NOTE|MICU Nursing Note|ICU Day {n10} Note|CCU NOTE|Intensive Care Progress Note} {today}\n")
    c.r("{Pt|Patient|Name}: {Cformal} {| MRN {mrn}| MR# {mrn}}{| {room}}\n")
    c.rs(ICU_LINES, r.randint(6, 11), sep="\n" if r.random() < 0.6 else " ")
    c.r("\n{Attending|Attg|Resident|Intensivist}: {D}{| pager {pphone}}\n")


ICU_LINES = [
    "{agesex} s/p {CABG|intubation|OD on {med}|MVC|fall} on {dpast}, c/o {CP|SOB|abd pain|agitation}.",
    "Neuro: {a&ox3|A&Ox2|sedated on propofol|GCS 10T}, {follows commands|no focal deficits}.",
    "CV: {vitals}. {NSR|sinus tach|AF w/ RVR} on tele.", "Resp: {on 2L NC|intubated, AC 450/14/5/40%|RA}, {vitals}.",
    "Labs: {labs}.", "Meds: {med}, {med}, heparin SQ.", "Psych c/s re: {SI|delirium|EtOH w/d} - seen by {D}.",
    "Family: {F} at bedside, updated; contact {phone}.", "{Fn} ({FAMILY|HCP|NOK}) requests call back {phone}.",
    "Plan: {wean vent|diurese|CIWA protocol|1:1 sitter}, d/w {D} {at|@} {time}.", "Lines: R IJ CVC placed {date}.",
    "Transferred from {hosp} {on|} {date}.", "Hx {eponym}, {dx}, HTN, DM2.", "Pt states \"{quote}\"",
    "Code status: {full code|DNR/DNI} per {Fn} (HCP).", "Dispo: {remain ICU|transfer to floor|psych admit} {when stable|on {dfut}}.",
    "Social: lives w/ {F} in {city}; works at {emp}.", "Pacemaker {dev} interrogated - normal.",
    "{Pt|pt} {c/o|denies} pain, {rates 6/10|0/10}; {vitals}.", "D/w {Fn} ({phone}) re: goals of care.",
    "Seen by SW {On}; {F} to bring meds list.", "Overnight: {agitated|slept|pulled lines}; haldol 2mg IV at {time}.",
    "Home meds per {Fn}: {med}, {med}.", "MRN {mrn} - {C} - verified w/ 2 identifiers.", "I/O: +1.2L; {labs}.", "{Pt|pt} {was} found down at {loc} by EMS.",
]


def hospital_note(c):
    r = c.rng
    c.r("{ADMISSION H&P|Discharge Summary|Psychiatry Consult Note|Hospital Progress Note|ED Note|Inpatient Psychiatry Admission}\n")
    c.r("{Patient|Pt|Name}: {Cformal}\t{DOB|D.O.B.}: {dob}\t{MRN|UR|Hosp #}: {mrn}\n{Admit|Admission date|DOA}: {dpast}{|\tDischarge: {date}}\n{Facility|Hospital}: {hosp}{|, {room}}\n{|{hid}\n}\n")
    section(c, "HPI", HOSP_HPI + ICU_LINES[:4], 2, 4)
    section(c, "PMH/PPH", ["{eponym}; {dx}; HTN.", "{dx}, {dx2}. Prior admits {in {year}|on {dpast}} to {hosp}.", "Meds on admission: {med}; {med}."], 1, 2)
    section(c, "Social", P.SOCIAL[:6] + ["Lives w/ {F} at {addr}."], 1, 2)
    section(c, "Exam/MSE", ICU_LINES[1:6] + P.OBJ[:2], 1, 3)
    section(c, "Plan", P.PLAN[:4] + ICU_LINES[9:12] + ["F/u w/ {D2} in {2|4|6} wks; call {pphone}."], 1, 3)
    c.r("{Dsig}{| {prov}}\n")


HOSP_HPI = [
    "{Pt|Patient} is a {agephr} {w/|with} {dx} BIBA from {loc} after {OD|SI|agitation} on {date}.",
    "{Cf} was BIB police on a {5150|Form 1|Section 2|s.136} hold; states \"{quote}\"",
    "{agesex} w/ PMH {eponym}, p/w {sx} x {3|5|10} days. {F} reports {he} stopped {med}.",
    "Collateral from {F} ({phone}): {sx} since {dpast}.",
    "{C} {was} transferred from {hosp} ED; UDS pos for {THC|cocaine|benzos}. {labs}.",
]

# ---------------------------------------------------------------------------- registry

KINDS = {
    "soap_note": (soap_note, 10), "dap_note": (dap_note, 7), "birp_note": (birp_note, 7),
    "intake_summary": (intake_summary, 8), "referral_letter": (referral_letter, 7),
    "supervision_case": (supervision_case, 6), "transcript": (transcript, 8), "asr_transcript": (asr_transcript, 8),
    "group_note": (group_note, 6), "couples_family": (couples_family, 6), "risk_assessment": (risk_assessment, 6),
    "email_message": (email_message, 7), "icu_note": (icu_note, 7), "hospital_note": (hospital_note, 7),
}

ALL_POOLS = [P.SUBJ, P.SUBJ_Q, P.OBJ, P.ASSESS, P.PLAN, P.SOCIAL, P.RISK, P.ADMIN, P.HOMEWORK, P.SCALES, BIRP_INT,
             BIRP_RESP, SUP_Q, SUP_FB, TH_LINES, CL_LINES, FAM_LINES, ASR_LINES, GROUP_LINES, FAM_POOL, FAM_OBS,
             RISK_ACT, EMAIL_BODY, ICU_LINES, HOSP_HPI]
