"""Sentence templates, grouped by section. See core.py for the template syntax.

Negatives (scales, codes, drugs, durations, times, generic places, eponyms, vitals, years)
come from the non-PHI slots in kinds.DocCtx and are mixed into most pools.
"""

SUBJ = [
    "{gram}", "{gram}", "{gram}", "{gram}", "{gram}", "{gram}",
    "{C} reported {sx} {dur}.",
    "{C} {reported|stated|said|described} that {he} had been {feeling|struggling with} {sx} since {dpast}.",
    "{Cf} {arrived|presented} {on time|10 minutes late|early} and {stated|reported} \"{quote}\"",
    "{He} described {sx} and {sx2}, worse {at work|at home|in the evenings|at school|on weekends}.",
    "{Cp} {mood|sleep|appetite} {has been|was} {poor|variable|improved|low} {dur}.",
    "{C} reports ongoing conflict with {F} about {money|custody|chores|school|drinking|the move}.",
    "{Cf} said {F} {has been|was} {supportive|critical|absent|unwell} {lately|this week|since {dpast}}.",
    "Since {dpast}, {C} has {missed|attended} {work|school|classes} {twice|most days|three times}.",
    "{C} {endorsed|denied} {sx} and {endorsed|denied} {sx2}.",
    "{C} talked about {O} and feeling {left out|judged|betrayed|supported}.",
    "{Cf} {states|reports} {he} started {med} on {dpast} {and|but} {noticed some benefit|stopped after a week|has had nausea}.",
    "{C} disclosed that {he} had been {fired from|laid off from|promoted at} {emp} {on|around} {dpast}.",
    "{C} works {part-time|full-time|nights|weekends} at {emp} as a {barista|nurse|mechanic|teacher's aide|cashier|developer|carpenter}.",
    "{Cf} is in {year 9|grade 10|year 11|7th grade|sixth form} at {school} and reports {bullying|good grades|falling behind}.",
    "{C} moved from {city2} to {city} {in {year}|last year|after the divorce}.",
    "{Cfp} {mom|mother|dad|father|partner} called {the office|the clinic} on {date} {to reschedule|with concerns|to ask about fees}.",
    "{C} {brought up|mentioned} the anniversary of {his} {grandmother's|father's|brother's|friend's} death on {dpast}.",
    "{He} report{s} drinking {3-4|6|10+} {standard drinks|beers} {per night|on weekends} {dur}; AUDIT-C {n10}.",
    "{C} reports sleeping {4|5|6|3} hours a night and waking at {time}.",
    "{C} says {he} {is} \"{quote}\"",
    "{Cf} and {F} {went|drove} to {loc} {on|over} {date} and {had an argument|it went well|it was tense}.",
    "{C} was seen at {hosp} ED on {dpast} after {an overdose|a panic attack|chest pain|a fall}.",
    "{C} {continues|continued} to {ruminate|worry} about {his} {job|court date|health|relationship}.",
    "{C} {reported|mentioned} that {he} {is} {rare}, which makes {him} easy to recognise in {city}.",
    "{C} {noted|shared} that {he} {event}.",
    "{Cf} shared photos on {his} instagram {handle} which {O} had commented on.",
    "{C} identifies as {nonbinary|bisexual|gay|straight|queer} and {uses they/them pronouns|is out to family|is not out at work}.",
    "{He} {was} diagnosed with {eponym} {as a child|in {year}|last year}.",
]
SUBJ += [
    "{C} {was|felt} {overwhelmed|relieved|numb} after {Fp} {visit|call|hospital stay} {on|around} {date}.",
    "{Cf} {reported|noted} missing {his} {med} {twice|most doses} {dur}, citing cost.",
    "{C} was {late|absent} from {school} {3|5|several} times since {dpast}; {parent} was notified.",
    "Client {reported|described} a {good|difficult|mixed} week; highlights included seeing {O}.",
    "{Ct} {expressed|voiced} concern that {his} landlord, {On}, may evict {him} from {street}.",
    "{Cf} {disclosed|reported} {he} {was} assaulted near {loc} on {date}; police report {idother}.",
    "{C} {has|had} a new {girlfriend|boyfriend|partner} ({On}) whom {he} met {at work|online|at {org}}.",
    "Client's {sister|brother|cousin} {Fn} {passed away|was hospitalised|moved overseas} on {dpast}.",
    "{Cf} {asked|wanted to know} whether {his} records could be sent to {D2} at {hosp}.",
]
SUBJ_Q = ["I just can't get out of bed anymore.", "Everything feels pointless lately.", "I'm doing better than last week.",
          "My {mom|dad|boss|partner} won't stop calling me.", "I don't know why I'm even here.", "Honestly, things are okay.",
          "I keep thinking about what happened.", "Work is crushing me.", "I slept maybe two hours.", "I want to get back on track."]

OBJ = [
    "MSE: {Appearance|Appears} {appropriately dressed|disheveled|well groomed}; {affect}; mood \"{mood}\"; thought process {linear|circumstantial|tangential}; {no SI/HI|denies SI/HI|passive SI without plan}.",
    "{C} was {alert and oriented x3|A&Ox4|calm and cooperative|tearful at times|guarded}, with {affect}.",
    "{scale}. {scale2}.",
    "Screening: {scale}; {scale2}; C-SSRS {screen negative|positive for passive ideation, no plan}.",
    "Speech {normal rate and volume|pressured|soft, slowed}. Insight {fair|good|limited}; judgment {fair|intact|impaired}.",
    "Observed {psychomotor agitation|psychomotor retardation|good eye contact|poor eye contact} during session.",
    "{C} completed the {Beck Depression Inventory|PCL-5|GAD-7|PHQ-9|K10|DASS-21} in the waiting room{|; score {n27}}.",
]

ASSESS = [
    "{gram}", "{gram}",
    "{C} meets criteria for {dx}.",
    "Presentation consistent with {dx}{|, r/o {dx2}}.",
    "Dx: {dx}; {dx2}.",
    "{Cf} is {making progress|stable|at elevated risk|ambivalent about change} {toward goals|in treatment|since {dpast}}.",
    "{Symptoms are|Mood is} {improving|unchanged|worsening} compared with {dpast}; {scale}.",
    "Risk {low|moderate|elevated}; protective factors include {F}, {his} {dog|faith|job at {emp}|school}.",
    "Differential includes {eponym} versus {dx}.",
]

PLAN = [
    "Next session {dfut} at {time}.",
    "Plan: continue {intv} {weekly|fortnightly|biweekly}; next appt {dfut}.",
    "{Refer|Referred} to {D2} for medication review{| re: {med}}.",
    "Coordinate with {D} {re:|regarding} {his} {sleep|medications|school plan}; call {pphone}.",
    "Homework: {homework}.",
    "Safety plan {reviewed|updated}; crisis line and {F} listed as supports.",
    "{Continue|Start|Taper} {med}; follow up with {D2role} in {2 weeks|a month|6 weeks}.",
    "Release of information signed for {school} on {today}.",
    "Send summary to {hosp} {(fax {fax})|by secure email}.",
    "Will {contact|call} {Cf} on {phone} if the {dfut} session is missed.",
]

SOCIAL = [
    "{gram}",
    "{C} {lived|was living} {with {F}|alone|with {his} {partner|roommate|two kids}} at {addr}.",
    "Address: {addr}.",
    "{C} grew up in {city2} and {moved|relocated} to {city} {at age {age_other}|in {year}|after high school}.",
    "{He} worked at {emp}{| since {year}} and {has|had} a {supportive|difficult|new} manager, {On}.",
    "{C} attends {school}; {his} {teacher|counselor} is {On}.",
    "{C} {has|shares} {one|two|three} children{| with {F}}; the youngest, {kid}, is {age_other}.",
    "{F} {lives|resides} nearby in {city2} and {helps with childcare|is in poor health|is estranged}.",
    "{C} {is a member of|volunteers at|attends} {org}.",
    "{He} {drove|used} a {2015 Honda Civic|grey Toyota|work van|motorbike} (plate {plate}).",
    "Legal: {C} has a {court date|hearing|probation review} on {dfut} ({idother}).",
    "{C} {runs|spends a lot of time at|walks the dog around} {loc}.",
    "{He} {sold|posted} {artwork|cakes|photos|videos} online at {url}.",
    "Religion: {raised Catholic|Muslim, practising|none|attends {org}}.",
    "Family history of {eponym} ({F}) and {depression|bipolar disorder|alcohol use disorder}.",
]

RISK = [
    "{C} {denied|endorsed} {current SI|passive SI|SI with plan} {and|but} {denied|endorsed} HI.",
    "C-SSRS {completed|administered}: {screen negative|ideation without intent|lifetime attempt {in {year}|on {dpast}}}.",
    "{C} disclosed thoughts of harming {F} after the argument on {date}.",
    "{He} identified a specific target: {On}, who lives at {addr2}.",
    "Duty to warn: {clinician|writer} {notified|attempted to call} {On} at {phone} on {today} {at {time}|}.",
    "{He} {has} access to firearms {at home|at {Fp} house}{|, stored at {street}}.",
    "Police {were|will be} contacted; {Ct} was {advised|informed} of {his} right to {a hearing|counsel}.",
    "Protective factors: {F}, {his} {cat|work at {emp}|church}, future plans.",
    "Prior attempt {in {year}|on {dpast}} by {overdose|cutting|hanging}; admitted to {hosp}.",
]

ADMIN_EXTRA = [
    "Client ID: {mrn}", "Chart #: {mrn}", "Pt: {Ci}  MRN {mrn}", "NOK: {F} - {phone}", "GP: {D2}, {hosp}",
    "Location: {practice}", "Telehealth session; client joined from {city}", "Preferred name: {Cn}",
    "Vehicle (for parking permit): {plate}", "Licence: {lic}", "Payment: invoice {acct}",
]
ADMIN = ADMIN_EXTRA + [
    "DOB: {dob}",
    "Date of birth: {dob}",
    "MRN: {mrn}",
    "Client: {Cformal}",
    "Patient: {Cformal} (DOB {dob})",
    "Date of service: {today}",
    "Session date: {today}",
    "{hid}",
    "Phone: {phone}",
    "Email: {email}",
    "Clinician: {Dme}, {creds}",
    "Address: {addr}",
    "Emergency contact: {F}, {phone}",
    "Insurance: {ins_name}, {hid}",
    "Account #: {acct}",
    "Age: {age}",
    "Referred by: {D2}",
    "Portal login from IP {ip} on {date}",
]

INTV = ["CBT", "DBT skills", "ACT", "EMDR", "motivational interviewing", "behavioural activation", "exposure therapy",
        "IPT", "CPT", "schema therapy", "solution-focused therapy", "psychoeducation", "mindfulness training", "TF-CBT"]
HOMEWORK = ["thought record daily", "sleep diary", "three pleasant activities", "practise box breathing", "mood log",
            "call {F} once this week", "walk {dog|alone} at {loc}", "exposure hierarchy steps 1-3", "read the DBT handout"]
SX = ["low mood", "anhedonia", "insomnia", "panic attacks", "irritability", "racing thoughts", "nightmares", "flashbacks",
      "poor concentration", "hopelessness", "social withdrawal", "cravings", "intrusive thoughts", "excessive worry",
      "fatigue", "tearfulness", "hypervigilance", "self-harm urges", "binge eating", "dissociation", "guilt"]
MOODS = ["okay", "tired", "stressed", "flat", "better", "anxious", "not great", "fine I guess", "hopeful", "angry"]
AFFECTS = ["constricted affect", "full range affect", "flat affect", "labile affect", "anxious affect", "euthymic affect", "dysphoric affect", "congruent affect"]
RARE_OCC = ["female blacksmith", "Inuit language teacher", "court stenographer", "harbour pilot", "paediatric neurosurgeon",
            "taxidermist", "rabbi", "glassblower", "rodeo clown", "pipe organ tuner"]
SCALES = ["PHQ-9 {n27}", "PHQ-9 score of {n27}", "GAD-7 of {n21}", "GAD-7 {n21}", "AUDIT {n40}", "BDI-II {n63}",
          "PCL-5 {n80}", "K10 {k10}", "DASS-21 depression {n42}", "EPDS {n30}", "MoCA {m30}/30", "Y-BOCS {n40}",
          "C-SSRS screen negative", "Beck Depression Inventory {n63}", "HAM-D {n52}", "MDQ negative", "CAGE 2/4"]
DX = ["F32.1", "F33.1", "F41.1", "F43.10", "F43.23", "F90.0", "F60.3", "F10.20", "F31.81", "F42.2", "296.32", "300.02",
      "309.81", "F32.A", "F41.0", "F50.2", "MDD, recurrent, moderate (F33.1)", "GAD (F41.1)", "PTSD (F43.10)",
      "adjustment disorder with mixed anxiety and depressed mood (F43.23)", "ADHD, combined presentation (F90.2)",
      "bipolar II disorder (F31.81)", "alcohol use disorder, moderate (F10.20)", "panic disorder (F41.0)"]
MEDS = ["sertraline 50 mg", "sertraline 100mg daily", "quetiapine 25mg nocte", "fluoxetine 20 mg", "escitalopram 10 mg daily",
        "lithium 300 mg bid", "lorazepam 0.5mg prn", "bupropion XL 150", "aripiprazole 5 mg", "mirtazapine 15mg qhs",
        "venlafaxine XR 75 mg", "lamotrigine 100mg", "olanzapine 5mg", "clonazepam 0.5 mg bid", "prazosin 2mg at night",
        "methylphenidate 18mg", "naltrexone 50 mg", "buprenorphine/naloxone 8/2 mg", "melatonin 3mg", "hydroxyzine 25 mg prn",
        "duloxetine 60mg", "trazodone 50 mg hs", "desvenlafaxine 50mg", "agomelatine 25mg", "propranolol 10mg prn"]
DURS = ["for two weeks", "x3 days", "over the past month", "for 6 months", "for the last few weeks", "since the weekend",
        "for about a year", "x 2 wks", "for three days", "most days this month", "over the last fortnight"]
TIMES = ["3pm", "3:30 pm", "1400", "09:30", "10am", "4:15pm", "noon", "0800", "11:00", "6 pm"]
GENPLACES = ["at work", "at school", "the ED", "the hospital", "the unit", "home", "the gym", "the pharmacy", "church", "the shops"]
EPONYMS = ["Asperger's", "Alzheimer's disease", "Parkinson's", "Tourette's", "Cushing's", "Hashimoto's thyroiditis",
           "Crohn's disease", "Down syndrome", "Huntington's disease", "Graves' disease", "Lyme disease", "Munchausen syndrome"]
VITALS = ["BP 120/80", "HR 88", "RR 16", "SpO2 97% RA", "T 37.1", "BP 142/91", "HR 104", "Temp 98.6F", "Wt 82 kg",
          "BMI 31.2", "GCS 15", "BGL 6.2"]
LABS = ["Na 138", "K 4.1", "Cr 0.9", "WBC 11.2", "Hb 128", "TSH 2.3", "Li level 0.8", "BAL 0.12", "lactate 1.4", "trop neg",
        "UDS +THC", "eGFR >90", "Mg 2.0", "Plt 245", "INR 1.1", "AST 45 ALT 62"]
INS_NAMES = ["Aetna", "Blue Cross Blue Shield", "UnitedHealthcare", "Cigna", "Medicaid", "Medibank", "Bupa", "HCF",
             "Manulife", "Sun Life", "Kaiser", "Humana"]
