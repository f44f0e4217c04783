"""
The demo content of the Kainuu Portal, loaded by ``manage.py load_demo_content``.

The facts come from the source text in ``SEED.md``; the sentences are the
portal's own. Every translated value is a dict of language code to text (a
language left out stays blank, so the site falls back to another language),
or a plain string that is the same in every language.
Whitespace inside a value (line breaks, indentation) is collapsed to single
spaces when loaded, so long texts can be wrapped freely here.

Rich-text values (region and sector bodies, key-sector descriptions, programme
body and aims, theme descriptions, page bodies) use only the HTML the editor
allows: <p>, <h2>-<h4>, <ul>/<ol>/<li>, <strong>, <em>, <a href>, <blockquote>.
"""

COUNCIL_NAME = {
    "en": "Regional Council of Kainuu",
    "fi": "Kainuun liitto",
    "sv": "Kajanalands förbund",
}
COUNCIL_URL = "https://kainuunliitto.fi/"
COUNCIL_EMAIL = "kirjaamo@kainuunliitto.fi"
TRAFICOM_URL = "https://www.saavutettavuusvaatimukset.fi/"
TRAFICOM_EMAIL = "saavutettavuus@traficom.fi"
TRAFICOM_PHONE = "029 534 5000"
OMBUDSMAN_URL = "https://tietosuoja.fi/"

# --- Regions -----------------------------------------------------------------

HOME_REGION = {
    "slug": "kainuu",
    "kind": "finnish",
    "country": "FI",
    "iso_code": "FI-05",
    "nuts_code": "FI1D8",
    "website": COUNCIL_URL,
    "name": {"en": "Kainuu", "fi": "Kainuu", "sv": "Kajanaland"},
    "administrative_centre": {"en": "Kajaani", "fi": "Kajaani", "sv": "Kajana"},
    "summary": {
        "en": """A safe and bustling region in the middle of Finland, with plenty of space
            for living and doing, and a travel destination all year round.""",
        "fi": """Turvallinen ja vilkas maakunta keskellä Suomea: tilaa elää ja tehdä, ja
            matkailukohde ympäri vuoden.""",
        "sv": """Ett tryggt och livligt landskap mitt i Finland, med gott om utrymme för
            boende och verksamhet, och ett resmål året runt.""",
    },
    "body": {
        "en": """
            <p>Kainuu is a safe and bustling place to live, with plenty of space for living
            and for getting things done. The region borders Northern Ostrobothnia, North
            Karelia and Northern Savonia in Finland, and the Republic of Karelia in
            Russia.</p>
            <p>Lying in the middle of Finland, Kainuu has easy connections both to the south
            and to the north of the country, and Helsinki is only about an hour's flight
            away.</p>
            <p>The region offers good services and cooperation networks, and an attractive
            environment for living, doing business, working and travelling.</p>
            <p>Kainuu is an interesting travel destination all year round. Several resorts
            offer varied services, from unique experiences such as photography trips and
            bear watching in the wild to excellent training conditions for sports and
            activity holidays.</p>
        """,
        "fi": """
            <p>Kainuu on turvallinen ja vilkas paikka asua, ja täällä on runsaasti tilaa
            elää ja tehdä. Maakunta rajautuu Suomessa Pohjois-Pohjanmaahan,
            Pohjois-Karjalaan ja Pohjois-Savoon sekä Venäjällä Karjalan tasavaltaan.</p>
            <p>Kainuu sijaitsee keskellä Suomea, joten sekä etelään että pohjoiseen on
            helppo päästä, ja Helsinkiin on lentäen vain noin tunnin matka.</p>
            <p>Maakunnassa on hyvät palvelut ja yhteistyöverkostot sekä houkutteleva
            ympäristö asua, yrittää, tehdä työtä ja matkailla.</p>
            <p>Kainuu on kiinnostava matkailukohde ympäri vuoden. Useat matkailukeskukset
            tarjoavat monipuolisia palveluja, esimerkiksi ainutlaatuisia elämyksiä
            kuvausmatkoilla ja karhujen katselussa luonnossa sekä erinomaiset
            harjoitteluolosuhteet urheiluun ja aktiivilomiin.</p>
        """,
        "sv": """
            <p>Kajanaland är en trygg och livlig plats att bo på, med gott om utrymme för
            boende och verksamhet. Landskapet gränsar till Norra Österbotten, Norra Karelen
            och Norra Savolax i Finland och till Karelska republiken i Ryssland.</p>
            <p>Kajanaland ligger mitt i Finland, så både södra och norra Finland är lätta att
            nå, och till Helsingfors är det bara ungefär en timme med flyg.</p>
            <p>Landskapet har goda tjänster och samarbetsnätverk och en attraktiv miljö för
            boende, företagande, arbete och resor.</p>
            <p>Kajanaland är ett intressant resmål året runt. Flera turistorter erbjuder
            mångsidiga tjänster, till exempel unika upplevelser med fotoresor och
            björnskådning i det vilda, och utmärkta träningsförhållanden för idrott och
            aktivitetssemestrar.</p>
        """,
    },
}

NEIGHBOURS = [
    {
        "slug": "northern-ostrobothnia",
        "kind": "finnish",
        "country": "FI",
        "iso_code": "FI-14",
        "name": {
            "en": "Northern Ostrobothnia",
            "fi": "Pohjois-Pohjanmaa",
            "sv": "Norra Österbotten",
        },
        "summary": {
            "en": "A region of Finland that borders Kainuu.",
            "fi": "Suomen maakunta, joka rajautuu Kainuuseen.",
            "sv": "Ett landskap i Finland som gränsar till Kajanaland.",
        },
    },
    {
        "slug": "north-karelia",
        "kind": "finnish",
        "country": "FI",
        "iso_code": "FI-13",
        "name": {"en": "North Karelia", "fi": "Pohjois-Karjala", "sv": "Norra Karelen"},
        "summary": {
            "en": "A region of Finland that borders Kainuu.",
            "fi": "Suomen maakunta, joka rajautuu Kainuuseen.",
            "sv": "Ett landskap i Finland som gränsar till Kajanaland.",
        },
    },
    {
        "slug": "northern-savonia",
        "kind": "finnish",
        "country": "FI",
        "iso_code": "FI-15",
        "name": {"en": "Northern Savonia", "fi": "Pohjois-Savo", "sv": "Norra Savolax"},
        "summary": {
            "en": "A region of Finland that borders Kainuu.",
            "fi": "Suomen maakunta, joka rajautuu Kainuuseen.",
            "sv": "Ett landskap i Finland som gränsar till Kajanaland.",
        },
    },
    {
        "slug": "republic-of-karelia",
        "kind": "foreign",
        "country": "RU",
        "iso_code": "RU-KR",
        "name": {
            "en": "Republic of Karelia",
            "fi": "Karjalan tasavalta",
            "sv": "Karelska republiken",
        },
        "summary": {
            "en": "A region of Russia that borders Kainuu.",
            "fi": "Venäjän alue, joka rajautuu Kainuuseen.",
            "sv": "En region i Ryssland som gränsar till Kajanaland.",
        },
    },
]

# Official municipality codes of Statistics Finland. Only Kajaani has a Swedish name of its
# own (Kajana). A plain string is the same in every language: every language is filled in,
# so that lists sorted by the name in the active language stay in order.
MUNICIPALITIES = [
    {"slug": "hyrynsalmi", "code": "105", "is_town": False, "name": "Hyrynsalmi"},
    {
        "slug": "kajaani",
        "code": "205",
        "is_town": True,
        "name": {"fi": "Kajaani", "en": "Kajaani", "sv": "Kajana"},
    },
    {"slug": "kuhmo", "code": "290", "is_town": True, "name": "Kuhmo"},
    {"slug": "paltamo", "code": "578", "is_town": False, "name": "Paltamo"},
    {"slug": "puolanka", "code": "620", "is_town": False, "name": "Puolanka"},
    {"slug": "ristijarvi", "code": "697", "is_town": False, "name": "Ristijärvi"},
    {"slug": "sotkamo", "code": "765", "is_town": False, "name": "Sotkamo"},
    {"slug": "suomussalmi", "code": "777", "is_town": False, "name": "Suomussalmi"},
]

# The region's population as the source text gives it: about 73,600 in 2018.
POPULATION_FIGURES = [
    {"year": 2018, "value": 73600, "is_approximate": True, "source": COUNCIL_NAME},
]

STRENGTHS = [
    {
        "title": {
            "en": "nature, space and natural resources",
            "fi": "luonto, tila ja luonnonvarat",
            "sv": "natur, utrymme och naturresurser",
        }
    },
    {"title": {"en": "infrastructure", "fi": "infrastruktuuri", "sv": "infrastruktur"}},
    {
        "title": {
            "en": "a sustainable community structure",
            "fi": "kestävä yhdyskuntarakenne",
            "sv": "en hållbar samhällsstruktur",
        }
    },
]

REGION_LINKS = [
    {
        "title": {
            "en": "The Regional Council of Kainuu (Kainuun liitto)",
            "fi": "Kainuun liitto",
            "sv": "Kajanalands förbund (Kainuun liitto)",
        },
        "url": COUNCIL_URL,
    },
]

# --- Sectors -------------------------------------------------------------------
# A tree: "children" are sub-sectors. NACE Rev. 2 divisions only where they are plain.

SECTORS = [
    {
        "slug": "tourism",
        "name": {"en": "Tourism", "fi": "Matkailu", "sv": "Turism"},
        "summary": {
            "en": "Travel and experience services, from nature trips to sports and activity"
            " holidays.",
            "fi": "Matkailu- ja elämyspalvelut luontomatkoista urheilu- ja aktiivilomiin.",
            "sv": "Rese- och upplevelsetjänster, från naturresor till idrotts- och"
            " aktivitetssemestrar.",
        },
        "body": {
            "en": """<p>Tourism covers the services that bring visitors to a region and look
                after them: resorts, accommodation, guided experiences in nature, and the
                facilities for sports, training and activity holidays.</p>""",
            "fi": """<p>Matkailuun kuuluvat palvelut, jotka tuovat vierailijoita alueelle ja
                palvelevat heitä: matkailukeskukset, majoitus, opastetut luontoelämykset sekä
                urheilun, harjoittelun ja aktiivilomien puitteet.</p>""",
            "sv": """<p>Turismen omfattar de tjänster som lockar besökare till en region och
                tar hand om dem: turistorter, inkvartering, guidade naturupplevelser och
                anläggningar för idrott, träning och aktivitetssemestrar.</p>""",
        },
    },
    {
        "slug": "technology-industries",
        "name": {
            "en": "Technology industries",
            "fi": "Teknologiateollisuus",
            "sv": "Teknologiindustri",
        },
        "summary": {
            "en": "ICT, electronics and metal clusters.",
            "fi": "ICT-, elektroniikka- ja metalliklusterit.",
            "sv": "IKT-, elektronik- och metallkluster.",
        },
        "body": {
            "en": """<p>The technology industries bring together the ICT, electronics and
                metal clusters: software and data services, electronic products and
                metalworking.</p>""",
            "fi": """<p>Teknologiateollisuus kokoaa yhteen ICT-, elektroniikka- ja
                metalliklusterit: ohjelmistot ja datapalvelut, elektroniikkatuotteet ja
                metallien työstön.</p>""",
            "sv": """<p>Teknologiindustrin samlar IKT-, elektronik- och metallklustren:
                programvara och datatjänster, elektroniska produkter och
                metallbearbetning.</p>""",
        },
        "children": [
            {
                "slug": "ict",
                "nace_codes": "61, 62, 63",
                "name": {"en": "ICT", "fi": "ICT", "sv": "IKT"},
                "summary": {
                    "en": "Information and communication technology: software, data and"
                    " communication services.",
                    "fi": "Tieto- ja viestintäteknologia: ohjelmistot sekä data- ja"
                    " viestintäpalvelut.",
                    "sv": "Informations- och kommunikationsteknik: programvara samt data- och"
                    " kommunikationstjänster.",
                },
                "body": {
                    "en": """<p>Information and communication technology, one of the clusters
                        of the technology industries. Together with electronics it leads
                        the development of the technology industry in Kainuu.</p>""",
                    "fi": """<p>Tieto- ja viestintäteknologia on yksi teknologiateollisuuden
                        klustereista. Se vetää elektroniikan kanssa teknologiateollisuuden
                        kehitystä Kainuussa.</p>""",
                    "sv": """<p>Informations- och kommunikationstekniken är ett av
                        teknologiindustrins kluster. Tillsammans med elektroniken leder den
                        utvecklingen av teknologiindustrin i Kajanaland.</p>""",
                },
            },
            {
                "slug": "electronics",
                "nace_codes": "26",
                "name": {"en": "Electronics", "fi": "Elektroniikka", "sv": "Elektronik"},
                "summary": {
                    "en": "Electronic products and their manufacturing.",
                    "fi": "Elektroniikkatuotteet ja niiden valmistus.",
                    "sv": "Elektroniska produkter och tillverkningen av dem.",
                },
                "body": {
                    "en": """<p>Electronics, one of the clusters of the technology
                        industries. Together with ICT it leads the development of the
                        technology industry in Kainuu.</p>""",
                    "fi": """<p>Elektroniikka on yksi teknologiateollisuuden klustereista. Se
                        vetää ICT:n kanssa teknologiateollisuuden kehitystä Kainuussa.</p>""",
                    "sv": """<p>Elektroniken är ett av teknologiindustrins kluster.
                        Tillsammans med IKT leder den utvecklingen av teknologiindustrin i
                        Kajanaland.</p>""",
                },
            },
            {
                "slug": "metal",
                "nace_codes": "24, 25",
                "name": {"en": "Metal", "fi": "Metalli", "sv": "Metall"},
                "summary": {
                    "en": "The metal sector: metals and metal products.",
                    "fi": "Metalliala: metallit ja metallituotteet.",
                    "sv": "Metallbranschen: metaller och metallprodukter.",
                },
                "body": {
                    "en": """<p>The metal sector, one of the clusters of the technology
                        industries, and alongside ICT and electronics a leader of the
                        technology industry's development in Kainuu.</p>""",
                    "fi": """<p>Metalliala on yksi teknologiateollisuuden klustereista ja
                        vetää ICT:n ja elektroniikan rinnalla teknologiateollisuuden
                        kehitystä Kainuussa.</p>""",
                    "sv": """<p>Metallbranschen är ett av teknologiindustrins kluster och
                        leder vid sidan av IKT och elektronik utvecklingen av
                        teknologiindustrin i Kajanaland.</p>""",
                },
            },
        ],
    },
    {
        "slug": "bio-economy",
        "name": {"en": "Bio economy", "fi": "Biotalous", "sv": "Bioekonomi"},
        "summary": {
            "en": "Products and services from renewable natural resources.",
            "fi": "Tuotteita ja palveluja uusiutuvista luonnonvaroista.",
            "sv": "Produkter och tjänster av förnybara naturresurser.",
        },
        "body": {
            "en": """<p>The bio economy makes products and services from renewable natural
                resources. Forests can yield, for example, fuel, bio plastics, different
                kinds of construction materials and new products made from side-flows.</p>
                <p>The circular economy and the use of locally produced raw material make
                production sustainable and energy-efficient.</p>""",
            "fi": """<p>Biotalous tuottaa tuotteita ja palveluja uusiutuvista
                luonnonvaroista. Metsistä voidaan valmistaa esimerkiksi polttoaineita,
                biomuoveja, erilaisia rakennusmateriaaleja sekä sivuvirtoja hyödyntäviä uusia
                tuotteita.</p>
                <p>Kiertotalous ja paikallisesti tuotetun raaka-aineen käyttö tekevät
                tuotannosta kestävää ja energiatehokasta.</p>""",
            "sv": """<p>Bioekonomin skapar produkter och tjänster av förnybara naturresurser.
                Av skogen kan man till exempel framställa bränsle, bioplast, olika slags
                byggmaterial och nya produkter som tar till vara sidoströmmar.</p>
                <p>Den cirkulära ekonomin och användningen av lokalt producerad råvara gör
                produktionen hållbar och energieffektiv.</p>""",
        },
    },
    {
        "slug": "eco-efficient-mining",
        "nace_codes": "07, 08, 09",
        "name": {
            "en": "Eco-efficient mining",
            "fi": "Ekotehokas kaivostoiminta",
            "sv": "Ekoeffektiv gruvdrift",
        },
        "summary": {
            "en": "Responsible, eco-efficient mining and the extractive industries.",
            "fi": "Vastuullinen ja ekotehokas kaivostoiminta ja kaivannaisala.",
            "sv": "Ansvarsfull och ekoeffektiv gruvdrift och utvinningsindustrin.",
        },
        "body": {
            "en": """<p>Eco-efficient mining extracts raw materials responsibly, with as
                little burden on the environment as possible. The field includes mining
                companies and the service enterprises that work for them.</p>""",
            "fi": """<p>Ekotehokas kaivostoiminta hyödyntää raaka-aineita vastuullisesti ja
                mahdollisimman vähin ympäristövaikutuksin. Alaan kuuluvat kaivosyhtiöt ja
                niiden palveluyritykset.</p>""",
            "sv": """<p>Ekoeffektiv gruvdrift utvinner råvaror på ett ansvarsfullt sätt och
                med så liten miljöpåverkan som möjligt. Till branschen hör gruvföretagen och
                de serviceföretag som arbetar för dem.</p>""",
        },
    },
]

# The key developing businesses of Kainuu, in the order of the source text.
KEY_SECTORS = [
    {
        "sector": "tourism",
        "description": {
            "en": """<p>Kainuu is known as an interesting travel destination throughout the
                year. Several resorts offer varied services: unique experiences such as
                photography trips and bear watching in the wild, and excellent training
                conditions for sports and activity holidays.</p>""",
            "fi": """<p>Kainuu tunnetaan kiinnostavana matkailukohteena ympäri vuoden. Useat
                matkailukeskukset tarjoavat monipuolisia palveluja: ainutlaatuisia elämyksiä,
                kuten kuvausmatkoja ja karhujen katselua luonnossa, sekä erinomaiset
                harjoitteluolosuhteet urheiluun ja aktiivilomiin.</p>""",
            "sv": """<p>Kajanaland är känt som ett intressant resmål året runt. Flera
                turistorter erbjuder mångsidiga tjänster: unika upplevelser som fotoresor och
                björnskådning i det vilda, och utmärkta träningsförhållanden för idrott och
                aktivitetssemestrar.</p>""",
        },
    },
    {
        "sector": "technology-industries",
        "description": {
            "en": """<p>The technology industry of Kainuu, with its ICT, electronics and
                metal clusters, is export-oriented. Its development is led by the ICT and
                electronics sectors and by the metal sector.</p>
                <p>The prospects for growth of these leading sectors are good, and they seek
                new openings through pilot projects and by creating business
                ecosystems.</p>""",
            "fi": """<p>Kainuun teknologiateollisuus ICT-, elektroniikka- ja
                metalliklustereineen on vientisuuntautunutta. Sen kehitystä vetävät ICT- ja
                elektroniikka-ala sekä metalliala.</p>
                <p>Näiden kärkialojen kasvunäkymät ovat hyvät, ja ne hakevat uusia avauksia
                pilottihankkeiden avulla ja luomalla liiketoimintaekosysteemejä.</p>""",
            "sv": """<p>Teknologiindustrin i Kajanaland, med sina IKT-, elektronik- och
                metallkluster, är exportinriktad. Utvecklingen leds av IKT- och
                elektroniksektorerna och av metallsektorn.</p>
                <p>Tillväxtutsikterna för dessa spetsbranscher är goda, och de söker nya
                öppningar med hjälp av pilotprojekt och genom att skapa
                affärsekosystem.</p>""",
        },
    },
    {
        "sector": "bio-economy",
        "description": {
            "en": """<p>Kainuu has excellent prerequisites for developing the bio economy:
                both its renewable natural resources and its know-how in the field are
                considerable. The forests of Kainuu are an essential resource for the bio
                economy.</p>""",
            "fi": """<p>Kainuussa on erinomaiset edellytykset kehittää biotaloutta, sillä
                sekä uusiutuvat luonnonvarat että alan osaaminen ovat merkittäviä. Kainuun
                metsät ovat biotalouden keskeinen voimavara.</p>""",
            "sv": """<p>Kajanaland har utmärkta förutsättningar att utveckla bioekonomin,
                eftersom både de förnybara naturresurserna och kunnandet inom området är
                betydande. Skogarna i Kajanaland är en viktig resurs för bioekonomin.</p>""",
        },
    },
    {
        "sector": "eco-efficient-mining",
        "description": {
            "en": """<p>Responsible and eco-efficient mining is growing strongly and in
                varied ways, especially in Kainuu with its plentiful raw materials. The aim
                is to help the Kainuu-based SMEs of the field and their service companies to
                act at the national and international level.</p>
                <p>The extractive industries in particular are developed in cooperation
                between the Eastern and Northern regions of Finland.</p>""",
            "fi": """<p>Vastuullinen ja ekotehokas kaivostoiminta kasvaa voimakkaasti ja
                monipuolisesti, erityisesti raaka-ainerikkaassa Kainuussa. Tavoitteena on
                vahvistaa alan kainuulaisten pk-yritysten ja niiden palveluyritysten
                mahdollisuuksia toimia kansallisesti ja kansainvälisesti.</p>
                <p>Erityisesti kaivannaisalaa kehitetään Itä- ja Pohjois-Suomen alueiden
                yhteistyönä.</p>""",
            "sv": """<p>Ansvarsfull och ekoeffektiv gruvdrift växer kraftigt och på många
                sätt, särskilt i det råvarurika Kajanaland. Målet är att stärka möjligheterna
                för branschens små och medelstora företag i Kajanaland och deras
                serviceföretag att verka på nationell och internationell nivå.</p>
                <p>Särskilt utvinningsindustrin utvecklas i samarbete mellan regionerna i
                Östra och Norra Finland.</p>""",
        },
    },
]

# --- Smart Specialisation programme 2018-2021 ------------------------------------

PROGRAMME = {
    "slug": "2018-2021",
    "start_year": 2018,
    "end_year": 2021,
    "title": {
        "en": "Smart Specialisation priorities of Kainuu 2018–2021",
        "fi": "Kainuun älykkään erikoistumisen painopisteet 2018–2021",
        "sv": "Kajanalands prioriteringar för smart specialisering 2018–2021",
    },
    "summary": {
        "en": """Kainuu's three smart specialisation choices for 2018–2021, the themes that
            cut across them, and the aim of the strategy.""",
        "fi": """Kainuun kolme älykkään erikoistumisen valintaa vuosille 2018–2021, niitä
            läpileikkaavat teemat ja strategian tavoite.""",
        "sv": """Kajanalands tre val för smart specialisering för åren 2018–2021, de teman
            som går igenom dem och strategins mål.""",
    },
    "body": {
        "en": """<p>Smart specialisation is the European Union's approach to regional
            innovation: a region identifies the fields where it is strongest and focuses its
            research, development and innovation on them.</p>
            <p>For 2018–2021 the Kainuu region made three choices: innovations in the
            technology industry, innovations related to mining and forest bio economy, and
            developing the wellbeing and health theme. Four cross-cutting themes apply to
            all three.</p>""",
        "fi": """<p>Älykäs erikoistuminen on Euroopan unionin tapa kehittää alueiden
            innovaatiotoimintaa: alue tunnistaa vahvimmat alansa ja keskittää tutkimus-,
            kehittämis- ja innovaatiotoimintansa niihin.</p>
            <p>Kainuu teki vuosille 2018–2021 kolme valintaa: teknologiateollisuuden
            innovaatiot, kaivannaisalan ja metsäbiotalouden innovaatiot sekä hyvinvoinnin ja
            terveyden teeman kehittäminen. Neljä läpileikkaavaa teemaa koskee kaikkia
            kolmea.</p>""",
        "sv": """<p>Smart specialisering är Europeiska unionens modell för regional
            innovation: en region identifierar de områden där den är starkast och inriktar
            sin forskning, utveckling och innovation på dem.</p>
            <p>För åren 2018–2021 gjorde Kajanaland tre val: innovationer inom
            teknologiindustrin, innovationer inom gruvnäringen och skogsbioekonomin samt
            utveckling av temat välbefinnande och hälsa. Fyra övergripande teman gäller alla
            tre.</p>""",
    },
    "aims": {
        "en": """<p>By developing smart specialisation, the Kainuu region aims to bring
            investments, technology, enterprises and know-how to the region, especially
            highly skilled companies and labour, and to add value and volume to its
            exports.</p>""",
        "fi": """<p>Älykästä erikoistumista kehittämällä Kainuu tavoittelee alueelle
            investointeja, teknologiaa, yrityksiä ja osaamista, erityisesti
            korkean osaamistason yrityksiä ja työvoimaa, sekä lisää arvoa ja volyymia
            vientiin.</p>""",
        "sv": """<p>Genom att utveckla smart specialisering vill Kajanaland locka
            investeringar, teknologi, företag och kunnande till regionen, särskilt
            högkvalificerade företag och arbetskraft, och ge exporten mer värde och
            volym.</p>""",
    },
    "links": [
        {
            "title": {
                "en": "Smart Specialisation strategy of Kainuu (PDF), on the Regional Council"
                " of Kainuu's site",
                "fi": "Kainuun älykkään erikoistumisen strategia (PDF) Kainuun liiton sivustolla",
                "sv": "Kajanalands strategi för smart specialisering (PDF) på Kajanalands"
                " förbunds webbplats",
            },
            "url": COUNCIL_URL,
        },
    ],
    "priorities": [
        {
            "slug": "technology-industry",
            "sectors": ["technology-industries", "ict", "electronics", "metal"],
            "title": {
                "en": "Innovations in the technology industry",
                "fi": "Teknologiateollisuuden innovaatiot",
                "sv": "Innovationer inom teknologiindustrin",
            },
            "short_title": {
                "en": "Technology industry",
                "fi": "Teknologiateollisuus",
                "sv": "Teknologiindustri",
            },
            "summary": {
                "en": """Innovations related to applications of measurement technology,
                    technology related to games and simulators, and the metal industry.""",
                "fi": """Mittaustekniikan sovelluksiin, peleihin ja simulaattoreihin
                    liittyvään teknologiaan sekä metalliteollisuuteen liittyvät
                    innovaatiot.""",
                "sv": """Innovationer inom mättekniska tillämpningar, teknologi för spel och
                    simulatorer samt metallindustrin.""",
            },
            "body": {
                "en": """<p>This choice builds on the export-oriented technology industry of
                    Kainuu, whose development is led by ICT and electronics and by the metal
                    sector.</p>""",
                "fi": """<p>Valinta rakentuu Kainuun vientisuuntautuneen
                    teknologiateollisuuden varaan. Sen kehitystä vetävät ICT ja elektroniikka
                    sekä metalliala.</p>""",
                "sv": """<p>Valet bygger på den exportinriktade teknologiindustrin i
                    Kajanaland, vars utveckling leds av IKT och elektronik samt av
                    metallsektorn.</p>""",
            },
            "focus_areas": [
                {
                    "en": "applications of measurement technology",
                    "fi": "mittaustekniikan sovellukset",
                    "sv": "mättekniska tillämpningar",
                },
                {
                    "en": "technology related to games and simulators",
                    "fi": "peleihin ja simulaattoreihin liittyvä teknologia",
                    "sv": "teknologi för spel och simulatorer",
                },
                {"en": "metal industry", "fi": "metalliteollisuus", "sv": "metallindustri"},
            ],
        },
        {
            "slug": "mining-and-forest-bio-economy",
            "sectors": ["bio-economy", "eco-efficient-mining"],
            "title": {
                "en": "Innovations related to mining and forest bio economy",
                "fi": "Kaivannaisalan ja metsäbiotalouden innovaatiot",
                "sv": "Innovationer inom gruvnäringen och skogsbioekonomin",
            },
            "short_title": {
                "en": "Mining and forest bio economy",
                "fi": "Kaivannaisala ja metsäbiotalous",
                "sv": "Gruvnäring och skogsbioekonomi",
            },
            "summary": {
                "en": """Concentrating on monitoring of production processes and the
                    environment, and on innovations related to forest, foodstuff and Blue Bio
                    Economy.""",
                "fi": """Painopisteinä tuotantoprosessien ja ympäristön monitorointi sekä
                    metsä-, elintarvike- ja sinisen biotalouden innovaatiot.""",
                "sv": """Med fokus på övervakning av produktionsprocesser och miljö samt på
                    innovationer inom skogs-, livsmedels- och blå bioekonomi.""",
            },
            "body": {
                "en": """<p>This choice builds on the forests and other renewable natural
                    resources of Kainuu and on its plentiful raw materials, which support
                    both the bio economy and responsible, eco-efficient mining.</p>""",
                "fi": """<p>Valinta rakentuu Kainuun metsien ja muiden uusiutuvien
                    luonnonvarojen sekä runsaiden raaka-aineiden varaan. Ne tukevat sekä
                    biotaloutta että vastuullista ja ekotehokasta kaivostoimintaa.</p>""",
                "sv": """<p>Valet bygger på skogarna och de andra förnybara naturresurserna
                    i Kajanaland och på de rikliga råvarorna, som stöder både bioekonomin och
                    en ansvarsfull och ekoeffektiv gruvdrift.</p>""",
            },
            "focus_areas": [
                {
                    "en": "monitoring of production processes and environment",
                    "fi": "tuotantoprosessien ja ympäristön monitorointi",
                    "sv": "övervakning av produktionsprocesser och miljö",
                },
                {
                    "en": "forest, foodstuff and Blue Bio Economy innovations",
                    "fi": "metsä-, elintarvike- ja sinisen biotalouden innovaatiot",
                    "sv": "innovationer inom skogs-, livsmedels- och blå bioekonomi",
                },
            ],
        },
        {
            "slug": "wellbeing-and-health",
            "sectors": ["tourism"],
            "title": {
                "en": "Developing the wellbeing and health theme",
                "fi": "Hyvinvoinnin ja terveyden teeman kehittäminen",
                "sv": "Utveckling av temat välbefinnande och hälsa",
            },
            "short_title": {
                "en": "Wellbeing and health",
                "fi": "Hyvinvointi ja terveys",
                "sv": "Välbefinnande och hälsa",
            },
            "summary": {
                "en": """Concentrating on innovations of activity tourism, nutrition,
                    physical exercise and sports.""",
                "fi": """Painopisteinä aktiviteettimatkailun, ravitsemuksen, liikunnan ja
                    urheilun innovaatiot.""",
                "sv": """Med fokus på innovationer inom aktivitetsturism, kost, motion och
                    idrott.""",
            },
            "body": {
                "en": """<p>This choice builds on Kainuu as a travel destination all year
                    round, with excellent training conditions for sports and activity
                    holidays.</p>""",
                "fi": """<p>Valinta rakentuu Kainuun varaan ympärivuotisena
                    matkailukohteena, jossa on erinomaiset harjoitteluolosuhteet urheiluun ja
                    aktiivilomiin.</p>""",
                "sv": """<p>Valet bygger på Kajanaland som ett resmål året runt, med utmärkta
                    träningsförhållanden för idrott och aktivitetssemestrar.</p>""",
            },
            "focus_areas": [
                {
                    "en": "activity tourism",
                    "fi": "aktiviteettimatkailu",
                    "sv": "aktivitetsturism",
                },
                {"en": "nutrition", "fi": "ravitsemus", "sv": "kost"},
                {
                    "en": "physical exercise and sports",
                    "fi": "liikunta ja urheilu",
                    "sv": "motion och idrott",
                },
            ],
        },
    ],
    "themes": [
        {
            "title": {
                "en": "Technology applications in product development and manufacturing",
                "fi": "Teknologiasovellukset tuotekehityksessä ja valmistuksessa",
                "sv": "Teknologitillämpningar i produktutveckling och tillverkning",
            },
            "description": {
                "en": """<p>Bringing technology applications into product development and
                    manufacturing, to speed up development.</p>""",
                "fi": """<p>Teknologiasovellusten tuominen tuotekehitykseen ja valmistukseen
                    kehityksen nopeuttamiseksi.</p>""",
                "sv": """<p>Att föra in teknologitillämpningar i produktutveckling och
                    tillverkning för att påskynda utvecklingen.</p>""",
            },
        },
        {
            "title": {
                "en": "Robotics, automation, data centre activities and data analysis",
                "fi": "Robotiikka, automaatio, datakeskustoiminta ja data-analytiikka",
                "sv": "Robotik, automation, datacenterverksamhet och dataanalys",
            },
            "description": {
                "en": """<p>Using robotics, automation, data centre activities and data
                    analysis in the fields of expertise of smart specialisation.</p>""",
                "fi": """<p>Robotiikan, automaation, datakeskustoiminnan ja
                    data-analytiikan hyödyntäminen älykkään erikoistumisen
                    osaamisalueilla.</p>""",
                "sv": """<p>Att använda robotik, automation, datacenterverksamhet och
                    dataanalys inom den smarta specialiseringens kompetensområden.</p>""",
            },
        },
        {
            "title": {
                "en": "New solutions and applications of circular economy",
                "fi": "Kiertotalouden uudet ratkaisut ja sovellukset",
                "sv": "Nya lösningar och tillämpningar inom cirkulär ekonomi",
            },
            "description": {
                "en": """<p>Developing and taking into use new circular economy solutions and
                    applications.</p>""",
                "fi": """<p>Uusien kiertotalousratkaisujen ja -sovellusten kehittäminen ja
                    käyttöönotto.</p>""",
                "sv": """<p>Att utveckla och ta i bruk nya lösningar och tillämpningar inom
                    den cirkulära ekonomin.</p>""",
            },
        },
        {
            "title": {
                "en": "Decarbonisation, resource efficiency and innovations mitigating"
                " climate change",
                "fi": "Vähähiilisyys, resurssitehokkuus ja ilmastonmuutosta hillitsevät"
                " innovaatiot",
                "sv": "Minskade koldioxidutsläpp, resurseffektivitet och innovationer som"
                " begränsar klimatförändringen",
            },
            "description": {
                "en": """<p>Cutting carbon emissions, using resources efficiently, and
                    innovations that help to control climate change.</p>""",
                "fi": """<p>Hiilipäästöjen vähentäminen, resurssien tehokas käyttö ja
                    ilmastonmuutoksen hillintää tukevat innovaatiot.</p>""",
                "sv": """<p>Att minska koldioxidutsläppen, använda resurserna effektivt och
                    ta fram innovationer som hjälper till att begränsa
                    klimatförändringen.</p>""",
            },
        },
    ],
}

# --- Content pages -----------------------------------------------------------------

PAGES = [
    {
        "slug": "about",
        "show_in_footer": True,
        "title": {"en": "About this portal", "fi": "Tietoa portaalista", "sv": "Om portalen"},
        "summary": {
            "en": "The Kainuu Portal presents the Kainuu region and its Smart Specialisation"
            " strategy.",
            "fi": "Kainuu-portaali esittelee Kainuun maakunnan ja sen älykkään erikoistumisen"
            " strategian.",
            "sv": "Kajanalandsportalen presenterar landskapet Kajanaland och dess strategi för"
            " smart specialisering.",
        },
        "body": {
            "en": f"""
                <p>The Kainuu Portal is the public website of the Kainuu region in Finland
                and of its Smart Specialisation (S3) strategy. It is published by the
                Regional Council of Kainuu (Kainuun liitto).</p>
                <h2>What you find here</h2>
                <ul>
                <li>the profile of the region: its strengths, municipalities, population and
                neighbouring regions;</li>
                <li>the key sectors of the region's economy;</li>
                <li>the Smart Specialisation programmes: their priorities, focus areas,
                cross-cutting themes and aims.</li>
                </ul>
                <p>The content is available in Finnish, English and Swedish. Staff of the
                Regional Council keep it up to date.</p>
                <h2>Contact</h2>
                <p>Regional Council of Kainuu, e-mail
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>,
                website <a href="{COUNCIL_URL}">kainuunliitto.fi</a>.</p>
            """,
            "fi": f"""
                <p>Kainuu-portaali on Kainuun maakunnan ja sen älykkään erikoistumisen (S3)
                strategian julkinen verkkosivusto. Sitä julkaisee Kainuun liitto.</p>
                <h2>Mitä sivustolta löytyy</h2>
                <ul>
                <li>maakunnan profiili: vahvuudet, kunnat, väestö ja naapurimaakunnat;</li>
                <li>maakunnan elinkeinoelämän avainalat;</li>
                <li>älykkään erikoistumisen ohjelmat: painopisteet, painopistealueet,
                läpileikkaavat teemat ja tavoitteet.</li>
                </ul>
                <p>Sisältö on saatavilla suomeksi, englanniksi ja ruotsiksi. Kainuun liiton
                henkilöstö pitää sen ajan tasalla.</p>
                <h2>Yhteystiedot</h2>
                <p>Kainuun liitto, sähköposti
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>,
                verkkosivusto <a href="{COUNCIL_URL}">kainuunliitto.fi</a>.</p>
            """,
            "sv": f"""
                <p>Kajanalandsportalen är den offentliga webbplatsen för landskapet
                Kajanaland i Finland och dess strategi för smart specialisering (S3). Den
                ges ut av Kajanalands förbund (Kainuun liitto).</p>
                <h2>Det här hittar du här</h2>
                <ul>
                <li>landskapets profil: styrkor, kommuner, befolkning och
                grannlandskap;</li>
                <li>nyckelbranscherna i landskapets näringsliv;</li>
                <li>programmen för smart specialisering: prioriteringar, fokusområden,
                övergripande teman och mål.</li>
                </ul>
                <p>Innehållet finns på finska, engelska och svenska. Kajanalands förbunds
                personal håller det uppdaterat.</p>
                <h2>Kontakt</h2>
                <p>Kajanalands förbund, e-post
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>,
                webbplats <a href="{COUNCIL_URL}">kainuunliitto.fi</a>.</p>
            """,
        },
    },
    {
        "slug": "accessibility",
        "show_in_footer": True,
        "title": {
            "en": "Accessibility statement",
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
        },
        "summary": {
            "en": "How accessible the Kainuu Portal is, and how to give feedback on its"
            " accessibility.",
            "fi": "Kainuu-portaalin saavutettavuus ja palautteen antaminen saavutettavuudesta.",
            "sv": "Hur tillgänglig Kajanalandsportalen är och hur du kan ge respons på"
            " tillgängligheten.",
        },
        "body": {
            "en": f"""
                <p>This accessibility statement applies to the Kainuu Portal. The Regional
                Council of Kainuu aims to make the portal accessible in accordance with the
                Act on the Provision of Digital Services (306/2019). The target is level AA
                of the Web Content Accessibility Guidelines (WCAG) 2.1.</p>
                <h2>Compliance status</h2>
                <p>The portal partially meets the accessibility requirements of WCAG 2.1
                level AA. The content that is not accessible, and why, is listed below.</p>
                <h2>Content that is not accessible</h2>
                <h3>Linked PDF documents</h3>
                <p>Documents published as PDF files and linked from the portal, such as the
                Smart Specialisation strategy of Kainuu, may not meet the requirements: they
                may lack a structure that assistive technology can read, such as marked
                headings and a defined reading order, and text alternatives for figures
                (WCAG 2.1 success criteria 1.1.1, 1.3.1 and 1.3.2).</p>
                <p>Why: the documents are published on the Regional Council of Kainuu's own
                website, and they were not made for this portal.</p>
                <h2>Accessible alternatives</h2>
                <ul>
                <li>The main content of the Smart Specialisation strategy (its priorities,
                focus areas, cross-cutting themes and aims) is on the portal's programme
                pages as accessible web pages.</li>
                <li>You can ask us for any content of the portal or of a linked document in
                an accessible form by e-mail at
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</li>
                </ul>
                <h2>How this statement was prepared</h2>
                <p>This statement was prepared on 27 November 2026 and last reviewed on
                27 November 2026.</p>
                <p>The accessibility of the portal was assessed by the Regional Council of
                Kainuu as a self-assessment. Every type of page was checked in Finnish,
                English and Swedish with automated tools (axe-core and the Nu HTML Checker)
                and in a browser: with the keyboard alone, at a width of 320 pixels and with
                the text enlarged to 200%.</p>
                <h2>Feedback</h2>
                <p>Did you notice an accessibility problem on the portal? Tell us by e-mail
                at <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>. We reply within
                14 days.</p>
                <h2>Supervisory authority</h2>
                <p>If you notice accessibility problems on the portal, first give feedback to
                us. If you are not satisfied with our reply, or you get no reply within two
                weeks, you can report the matter to the Finnish Transport and Communications
                Agency Traficom. Its website explains how to make a complaint and how the
                matter is handled.</p>
                <ul>
                <li>Finnish Transport and Communications Agency Traficom, accessibility
                supervision</li>
                <li>website <a href="{TRAFICOM_URL}">www.saavutettavuusvaatimukset.fi</a></li>
                <li>e-mail <a href="mailto:{TRAFICOM_EMAIL}">{TRAFICOM_EMAIL}</a></li>
                <li>telephone (switchboard) {TRAFICOM_PHONE}</li>
                </ul>
            """,
            "fi": f"""
                <p>Tämä saavutettavuusseloste koskee Kainuu-portaalia. Kainuun liitto pyrkii
                takaamaan portaalin saavutettavuuden digitaalisten palvelujen tarjoamisesta
                annetun lain (306/2019) mukaisesti. Tavoitteena on verkkosisällön
                saavutettavuusohjeiden (WCAG) 2.1 AA-taso.</p>
                <h2>Vaatimustenmukaisuus</h2>
                <p>Portaali täyttää WCAG 2.1 -tason AA saavutettavuusvaatimukset osittain.
                Sisällöt, jotka eivät ole saavutettavia, ja syyt siihen on lueteltu
                alla.</p>
                <h2>Ei-saavutettava sisältö</h2>
                <h3>Linkitetyt PDF-asiakirjat</h3>
                <p>PDF-tiedostoina julkaistut asiakirjat, joihin portaalista linkitetään,
                kuten Kainuun älykkään erikoistumisen strategia, eivät välttämättä täytä
                vaatimuksia: niistä voi puuttua avustavan teknologian luettavissa oleva
                rakenne, kuten merkityt otsikot ja määritelty lukujärjestys, sekä kuvien
                tekstivastineet (WCAG 2.1 -onnistumiskriteerit 1.1.1, 1.3.1 ja 1.3.2).</p>
                <p>Syy: asiakirjat on julkaistu Kainuun liiton omilla verkkosivuilla, eikä
                niitä ole tehty tätä portaalia varten.</p>
                <h2>Saavutettavat vaihtoehdot</h2>
                <ul>
                <li>Älykkään erikoistumisen strategian keskeinen sisältö (painopisteet,
                painopistealueet, läpileikkaavat teemat ja tavoitteet) on portaalin
                ohjelmasivuilla saavutettavina verkkosivuina.</li>
                <li>Voit pyytää portaalin tai siihen linkitetyn asiakirjan sisällön
                saavutettavassa muodossa sähköpostilla osoitteesta
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</li>
                </ul>
                <h2>Selosteen laatiminen</h2>
                <p>Seloste on laadittu 27.11.2026, ja se on tarkistettu viimeksi
                27.11.2026.</p>
                <p>Kainuun liitto on arvioinut portaalin saavutettavuuden itsearviona.
                Jokainen sivutyyppi on tarkistettu suomeksi, englanniksi ja ruotsiksi
                automaattisilla työkaluilla (axe-core ja Nu HTML Checker) sekä selaimessa:
                pelkällä näppäimistöllä, 320 pikselin leveydellä ja 200 prosenttiin
                suurennetulla tekstillä.</p>
                <h2>Palaute</h2>
                <p>Huomasitko portaalissa saavutettavuuspuutteen? Kerro siitä meille
                sähköpostilla osoitteeseen
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>. Vastaamme 14 päivän
                kuluessa.</p>
                <h2>Valvontaviranomainen</h2>
                <p>Jos huomaat portaalissa saavutettavuusongelmia, anna ensin palautetta
                meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta
                lainkaan kahden viikon aikana, voit tehdä ilmoituksen Liikenne- ja
                viestintävirasto Traficomiin. Traficomin sivuilla kerrotaan, miten
                ilmoituksen voi tehdä ja miten asia käsitellään.</p>
                <ul>
                <li>Liikenne- ja viestintävirasto Traficom, saavutettavuuden valvonta</li>
                <li>verkkosivusto
                <a href="{TRAFICOM_URL}">www.saavutettavuusvaatimukset.fi</a></li>
                <li>sähköposti <a href="mailto:{TRAFICOM_EMAIL}">{TRAFICOM_EMAIL}</a></li>
                <li>puhelinnumero (vaihde) {TRAFICOM_PHONE}</li>
                </ul>
            """,
            "sv": f"""
                <p>Detta tillgänglighetsutlåtande gäller Kajanalandsportalen. Kajanalands
                förbund strävar efter att portalen ska vara tillgänglig i enlighet med lagen
                om tillhandahållande av digitala tjänster (306/2019). Målet är nivå AA i
                riktlinjerna för tillgänglighet till webbinnehåll (WCAG) 2.1.</p>
                <h2>Överensstämmelse med kraven</h2>
                <p>Portalen uppfyller tillgänglighetskraven på nivå AA i WCAG 2.1 delvis.
                Innehåll som inte är tillgängligt och orsakerna till det anges nedan.</p>
                <h2>Innehåll som inte är tillgängligt</h2>
                <h3>Länkade pdf-dokument</h3>
                <p>Dokument som publicerats som pdf-filer och som portalen länkar till, till
                exempel Kajanalands strategi för smart specialisering, uppfyller kanske inte
                kraven: de kan sakna en struktur som hjälpmedel kan läsa, till exempel
                märkta rubriker och en bestämd läsordning, samt textalternativ till bilder
                (framgångskriterierna 1.1.1, 1.3.1 och 1.3.2 i WCAG 2.1).</p>
                <p>Orsak: dokumenten är publicerade på Kajanalands förbunds egen webbplats och
                har inte gjorts för den här portalen.</p>
                <h2>Tillgängliga alternativ</h2>
                <ul>
                <li>Det centrala innehållet i strategin för smart specialisering
                (prioriteringarna, fokusområdena, de övergripande temana och målen) finns på
                portalens programsidor som tillgängliga webbsidor.</li>
                <li>Du kan be om innehållet i portalen eller i ett länkat dokument i
                tillgänglig form per e-post till
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</li>
                </ul>
                <h2>Hur utlåtandet har utarbetats</h2>
                <p>Utlåtandet har utarbetats den 27.11.2026 och senast granskats den
                27.11.2026.</p>
                <p>Kajanalands förbund har bedömt portalens tillgänglighet genom en
                självutvärdering. Varje sidtyp har kontrollerats på finska, engelska och
                svenska med automatiska verktyg (axe-core och Nu HTML Checker) och i en
                webbläsare: med enbart tangentbordet, i 320 pixlars bredd och med texten
                förstorad till 200 procent.</p>
                <h2>Respons</h2>
                <p>Har du upptäckt brister i tillgängligheten? Meddela oss per e-post till
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>. Vi svarar inom
                14 dagar.</p>
                <h2>Tillsynsmyndighet</h2>
                <p>Om du upptäcker problem med tillgängligheten, ge först respons till oss.
                Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan
                du anmäla saken till Transport- och kommunikationsverket Traficom. På
                Traficoms webbplats står det hur du gör en anmälan och hur ärendet
                behandlas.</p>
                <ul>
                <li>Transport- och kommunikationsverket Traficom, tillgänglighetstillsynen</li>
                <li>webbplats <a href="{TRAFICOM_URL}">www.saavutettavuusvaatimukset.fi</a></li>
                <li>e-post <a href="mailto:{TRAFICOM_EMAIL}">{TRAFICOM_EMAIL}</a></li>
                <li>telefon (växel) {TRAFICOM_PHONE}</li>
                </ul>
            """,
        },
    },
    {
        "slug": "privacy",
        "show_in_footer": True,
        "title": {"en": "Privacy notice", "fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning"},
        "summary": {
            "en": "What personal data the Kainuu Portal processes, and your rights.",
            "fi": "Mitä henkilötietoja Kainuu-portaali käsittelee ja mitkä ovat oikeutesi.",
            "sv": "Vilka personuppgifter Kajanalandsportalen behandlar och vilka rättigheter"
            " du har.",
        },
        "body": {
            "en": f"""
                <h2>Controller</h2>
                <p>Regional Council of Kainuu (Kainuun liitto), e-mail
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <h2>Visitors</h2>
                <p>The public pages set no cookies, use no analytics and load no
                content from third parties. We do not collect personal data from visitors
                other than the server logs described below.</p>
                <h2>Server logs</h2>
                <p>The web server records technical details of each request, such as the IP
                address, the time, the address requested and the browser's identification.
                The logs are used only to keep the service secure and working, and they are
                kept for a short time and then deleted.</p>
                <h2>Editors</h2>
                <p>Staff who edit the content have a user account. For the account we keep
                the name, user name and e-mail address, and a history of the changes the
                person makes to the content. The data are kept while the person has editing
                rights and are used only to manage the content and its editing.</p>
                <h2>Disclosure of data</h2>
                <p>We do not disclose the data to others unless the law requires it.</p>
                <h2>Your rights</h2>
                <p>You have the right to access the data about you, to have incorrect data
                corrected, and in certain cases to have data erased or their processing
                restricted, or to object to the processing. Send your request by e-mail to
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <p>If you believe that your personal data are processed unlawfully, you may
                lodge a complaint with the Data Protection Ombudsman
                (<a href="{OMBUDSMAN_URL}">tietosuoja.fi</a>).</p>
            """,
            "fi": f"""
                <h2>Rekisterinpitäjä</h2>
                <p>Kainuun liitto, sähköposti
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <h2>Sivuston käyttäjät</h2>
                <p>Portaalin julkiset sivut eivät aseta evästeitä, eivät käytä
                analytiikkapalveluja eivätkä lataa sisältöä kolmansilta osapuolilta. Emme kerää
                käyttäjistä henkilötietoja muuten kuin alla kuvatuissa palvelimen
                lokeissa.</p>
                <h2>Palvelimen lokit</h2>
                <p>Verkkopalvelin kirjaa jokaisesta pyynnöstä teknisiä tietoja, kuten
                IP-osoitteen, ajankohdan, pyydetyn osoitteen ja selaimen tunnisteen. Lokeja
                käytetään vain palvelun tietoturvan ja toimivuuden varmistamiseen, ja ne
                säilytetään lyhyen aikaa ja poistetaan sen jälkeen.</p>
                <h2>Sisällön muokkaajat</h2>
                <p>Sisältöä muokkaavilla Kainuun liiton työntekijöillä on käyttäjätili.
                Tiliä varten tallennetaan nimi, käyttäjätunnus ja sähköpostiosoite sekä
                historia henkilön sisältöön tekemistä muutoksista. Tietoja säilytetään niin
                kauan kuin henkilöllä on muokkausoikeudet, ja niitä käytetään vain sisällön ja
                sen muokkaamisen hallintaan.</p>
                <h2>Tietojen luovutus</h2>
                <p>Emme luovuta tietoja muille, ellei laki sitä edellytä.</p>
                <h2>Oikeutesi</h2>
                <p>Sinulla on oikeus tarkastaa itseäsi koskevat tiedot, saada virheelliset
                tiedot oikaistuiksi sekä tietyissä tapauksissa saada tietoja poistetuiksi tai
                niiden käsittelyä rajoitetuksi tai vastustaa käsittelyä. Lähetä pyyntösi
                sähköpostilla osoitteeseen
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <p>Jos katsot, että henkilötietojasi käsitellään lainvastaisesti, voit tehdä
                valituksen tietosuojavaltuutetulle
                (<a href="{OMBUDSMAN_URL}">tietosuoja.fi</a>).</p>
            """,
            "sv": f"""
                <h2>Personuppgiftsansvarig</h2>
                <p>Kajanalands förbund (Kainuun liitto), e-post
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <h2>Besökare</h2>
                <p>De offentliga sidorna använder inga kakor, ingen analys och inget innehåll
                från tredje part. Vi samlar inte in personuppgifter om besökare utöver de
                serverloggar som beskrivs nedan.</p>
                <h2>Serverloggar</h2>
                <p>Webbservern registrerar tekniska uppgifter om varje förfrågan, till
                exempel IP-adress, tidpunkt, den begärda adressen och webbläsarens
                identifiering. Loggarna används endast för att hålla tjänsten säker och
                fungerande, och de sparas en kort tid och raderas sedan.</p>
                <h2>Redaktörer</h2>
                <p>Personal som redigerar innehållet har ett användarkonto. För kontot sparas
                namn, användarnamn och e-postadress samt en historik över de ändringar
                personen gör i innehållet. Uppgifterna sparas så länge personen har
                redigeringsrätt och används endast för att hantera innehållet och
                redigeringen av det.</p>
                <h2>Utlämnande av uppgifter</h2>
                <p>Vi lämnar inte ut uppgifterna till andra om inte lagen kräver det.</p>
                <h2>Dina rättigheter</h2>
                <p>Du har rätt att få tillgång till uppgifterna om dig, att få felaktiga
                uppgifter rättade och i vissa fall att få uppgifter raderade eller
                behandlingen begränsad, eller att invända mot behandlingen. Skicka din
                begäran per e-post till
                <a href="mailto:{COUNCIL_EMAIL}">{COUNCIL_EMAIL}</a>.</p>
                <p>Om du anser att dina personuppgifter behandlas olagligt kan du lämna in
                ett klagomål till dataombudsmannen
                (<a href="{OMBUDSMAN_URL}">tietosuoja.fi</a>).</p>
            """,
        },
    },
]
