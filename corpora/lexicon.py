"""Hand-written word lists (written for this project; no external source).

Names here are ordinary given names/surnames and common words; organisation and place
patterns are filled with Faker-generated (fictional) surnames and towns.
"""

# names that are also common English words
WORD_FIRST_F = ["Hope", "Grace", "June", "Summer", "Rose", "Faith", "Joy", "Dawn", "April", "May", "Ivy", "Autumn",
                "Holly", "Amber", "Crystal", "Destiny", "Sky", "Star", "Pearl", "Ruby", "Violet", "Daisy", "Iris",
                "Olive", "Willow", "Honey", "Charity", "Patience", "Harmony", "Brook", "Misty", "Rain", "Precious", "Sunny"]
WORD_FIRST_M = ["Will", "Bill", "Mark", "Frank", "Art", "Hunter", "Chase", "Rich", "Gay", "Sky", "Jack", "Bob", "Pat",
                "Sonny", "Buck", "Rusty", "Woody", "Forrest", "Miles", "Grant", "Don", "Ray", "Sterling", "Cash", "King",
                "Major", "Royal", "Stone", "Reed", "Wade", "Dusty", "Lane", "Dean", "Drew", "Guy"]
WORD_LAST = ["Brown", "White", "Green", "Long", "Price", "Rich", "Young", "Gay", "Hunter", "Rose", "Bird", "Black",
             "Small", "Little", "Strong", "Wise", "Bell", "Hill", "Wood", "Stone", "Lamb", "Fox", "Love", "Moody",
             "Sharp", "Best", "Hope", "Church", "Hall", "King", "Knight", "Lord", "May", "Page", "Rice", "Shepherd",
             "Cook", "Baker", "Mason", "Carpenter", "Gardener", "Sweet", "Frost", "Winter", "Summers", "Day", "Law",
             "Payne", "Sickles", "Hale", "Well", "Moss", "Booth", "Marsh", "Swan", "Dove", "Rainbow", "Golden"]

ARABIC_FIRST_M = ["Ahmed", "Mohammed", "Omar", "Khalid", "Yusuf", "Hassan", "Ali", "Tariq", "Karim", "Samir", "Bilal",
                  "Hamza", "Rami", "Faisal", "Ziad", "Nabil", "Walid", "Imran"]
ARABIC_FIRST_F = ["Fatima", "Aisha", "Layla", "Mariam", "Noor", "Zainab", "Huda", "Amira", "Salma", "Rania", "Yasmin",
                  "Leila", "Dalia", "Hiba", "Samira", "Nadia", "Rasha", "Lina"]
ARABIC_LAST = ["Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Farouk", "Rahman", "Aziz", "Haddad", "Darwish",
               "Hamdan", "Qureshi", "Al-Masri", "El-Sayed", "Abboud", "Sabbagh", "Bakr", "Jaber", "Najjar", "Hussein"]

NICKNAMES = {
    "Robert": "Bobby", "William": "Billy", "Elizabeth": "Lizzie", "Katherine": "Kate", "Jennifer": "Jen",
    "Michael": "Mikey", "Christopher": "Chris", "Jessica": "Jess", "Alexander": "Alex", "Nicholas": "Nick",
    "Jonathan": "Jon", "Samantha": "Sam", "Rebecca": "Becca", "Margaret": "Maggie", "Thomas": "Tommy",
    "Daniel": "Danny", "Joseph": "Joey", "Anthony": "Tony", "Patricia": "Trish", "Victoria": "Tori",
    "Benjamin": "Ben", "Matthew": "Matt", "Kimberly": "Kim", "Stephanie": "Steph", "Jacqueline": "Jackie",
    "Francisco": "Paco", "José": "Pepe", "Guadalupe": "Lupe", "Alejandro": "Alex", "Charlotte": "Charlie",
    "Timothy": "Timmy", "Gabriel": "Gabe", "Zachary": "Zach", "Nathaniel": "Nate", "Abigail": "Abby",
}

CREDENTIALS = {
    "US": ["LCSW", "LMFT", "LPC", "PhD", "PsyD", "LMHC", "LICSW", "MSW, LCSW", "PhD, Licensed Psychologist", "LPCC", "APRN", "LCADC"],
    "AU": ["Clinical Psychologist", "MAPS", "Psychologist", "Mental Health Social Worker", "AMHSW", "MPsych (Clin)", "Counsellor, ACA Level 2", "OT"],
    "UK": ["Clinical Psychologist", "CBT Therapist, BABCP accredited", "MBACP", "HCPC Registered Psychologist", "DClinPsy", "CPN", "AMHP"],
    "CA": ["RSW", "RP", "C.Psych.", "MSW, RSW", "CCC", "RCC", "Registered Psychotherapist", "PhD, C.Psych."],
}

UNIQUE_EVENTS = [
    "the only female firefighter in town", "won the state lottery last spring", "was on the news after the warehouse fire",
    "the only pediatric cardiologist in the county", "survived the ferry capsizing that made national headlines",
    "the former mayor of the town", "an Olympic rowing silver medallist", "the pilot who landed the plane on the river",
    "the only Icelandic interpreter in the region", "the teacher who was filmed in the viral classroom video",
    "the sole survivor of the mine collapse", "the local TV weather presenter", "the town's only tattoo artist",
    "the woman whose quintuplets were in the paper", "the first deaf attorney admitted in the state",
    "won the reality cooking show last season", "the bus driver honoured for the bridge rescue",
    "the only veterinarian on the island", "the player who was drafted first overall last year",
    "was the subject of the widely shared missing-person appeal", "the lead singer of the band that topped the charts",
    "the only Sikh police officer in the district", "the guy who won the lottery twice", "the owner of the only bakery in town",
    "the firefighter who rescued the twins from the apartment fire", "the only female harbour pilot in the port",
    "the whistleblower in the council corruption case", "the youngest person ever elected to the school board",
    "the only openly gay pastor in the parish", "was in the papers after the shark attack at the beach",
]

EMAIL_DOMAINS = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me", "comcast.net"],
    "AU": ["gmail.com", "bigpond.com", "outlook.com", "hotmail.com", "icloud.com", "optusnet.com.au", "yahoo.com.au"],
    "UK": ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "sky.com", "icloud.com"],
    "CA": ["gmail.com", "hotmail.ca", "outlook.com", "rogers.com", "shaw.ca", "icloud.com", "yahoo.ca", "videotron.ca"],
}

HOSPITAL_PATTERNS = [
    "{city} General Hospital", "St. {first}'s Medical Center", "{last} Memorial Hospital", "{city} Regional Medical Center",
    "{last} Behavioral Health Center", "{city} Community Hospital", "Mount {last} Hospital", "{last} Psychiatric Institute",
    "{city} Base Hospital", "{city} Royal Infirmary", "{last} Children's Hospital", "{city} Private Hospital",
    "{last} House Mental Health Unit", "{city} University Hospital", "Royal {city} Hospital", "{last} Clinic",
]
SCHOOL_PATTERNS = [
    "{last} Elementary School", "{city} High School", "{last} Middle School", "{city} Primary School",
    "{last} College", "St. {first}'s Catholic School", "{city} Grammar School", "{last} Academy",
    "University of {city}", "{city} Community College", "{last} Secondary College", "{city} State School",
    "{last} Montessori", "{city} TAFE", "{last} Charter School", "{city} Sixth Form College",
]
ORG_PATTERNS = [
    "{city} Community Mental Health", "{last} Family Services", "{city} Youth Centre", "{last} Recovery House",
    "{city} Food Bank", "{last} Foundation", "{city} Women's Shelter", "{last} Housing Trust", "{city} Headspace",
    "{city} County Probation Department", "{last} Baptist Church", "{city} Rugby Club", "{last} & Partners Solicitors",
    "{city} Veterans Outreach", "{company}",
]
PRACTICE_PATTERNS = [
    "{city} Counseling Associates", "{last} Psychology Group", "{street} Street Psychology", "{city} Family Therapy Centre",
    "{last} & {first} Counselling", "{city} Mind Clinic", "{last} Behavioral Health, PLLC", "{city} Wellbeing Practice",
    "{last} Psychotherapy Rooms", "{city} Centre for Anxiety and Mood",
]
LOCATION_PATTERNS = [
    "{last} Park", "{city} Mall", "{street} Shopping Centre", "{last} County", "{last} Lake", "{last} Reserve",
    "the {street} Bridge", "{last} Heights", "{city} Railway Station", "{last} Beach", "{last} Estate",
    "{city} Westfield", "{last} Trail", "{last} Square",
]
EMPLOYERS_GENERIC = ["Walmart", "Target", "Amazon", "Woolworths", "Coles", "Tesco", "Starbucks", "Costco", "Bunnings",
                     "Home Depot", "Sainsbury's", "Tim Hortons", "UPS", "FedEx", "Kmart", "Canadian Tire", "Aldi",
                     "the Royal Mail", "Qantas", "Kaiser Permanente"]
HOLIDAYS = ["Christmas Eve", "Christmas Day", "New Year's Eve", "Thanksgiving", "Easter Sunday", "Boxing Day",
            "Halloween", "Valentine's Day", "Anzac Day", "Canada Day", "Mother's Day", "Labor Day", "Australia Day"]
