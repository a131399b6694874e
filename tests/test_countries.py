"""The countries lexicon (fuente/data/en/countries.yaml): coverage and the words it reads."""

from __future__ import annotations

import re

import pytest

from fuente.actors.speakers import describe_source
from fuente.lexicon import load_lexicon
from fuente.settings import Settings

# The 193 member states of the United Nations, by ISO 3166 alpha-3 code.
UN_MEMBERS = re.findall(
    r"[A-Z]{3}",
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""",
)


def test_countries_every_un_member_and_common_non_member_has_a_section(settings) -> None:
    assert len(UN_MEMBERS) == 193
    countries = load_lexicon("countries", settings=settings)
    missing = [code for code in [*UN_MEMBERS, "PSE", "TWN", "XKX", "ESH"] if code not in countries]
    assert missing == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase", "country"),
    [
        ("Police in Northern Ireland arrested two men.", "Police in Northern Ireland", "GBR"),
        ("Maldivian officials met on Monday.", "Maldivian officials", "MDV"),
        ("Chechen rebels attacked a convoy.", "Chechen rebels", "RUS"),
        ("Tibetan monks staged a protest.", "Tibetan monks", "CHN"),
        ("The Blue House said it would respond.", "The Blue House", "KOR"),
        ("Rhodesian troops crossed the border.", "Rhodesian troops", "ZWE"),
    ],
)
def test_countries_names_regions_and_former_names_read_as_their_state(
    nlp, settings: Settings, sentence: str, phrase: str, country: str
) -> None:
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert describe_source(span, settings=settings).country == country


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase", "country"),
    [
        ("Police in Sinaloa arrested two men.", "Police in Sinaloa", "MEX"),
        ("Tigrayan fighters withdrew from the town.", "Tigrayan fighters", "ETH"),
        ("The governor of Rivers State spoke on Monday.", "The governor of Rivers State", "NGA"),
        ("Officials in Azad Jammu and Kashmir met.", "Officials in Azad Jammu and Kashmir", "PAK"),
        ("Officials in Punjab met on Monday.", "Officials in Punjab", None),
        ("Hamas officials rejected the plan.", "Hamas officials", None),
    ],
)
def test_countries_a_province_reads_as_its_state_and_a_shared_name_as_none(
    nlp, settings: Settings, sentence: str, phrase: str, country: str | None
) -> None:
    """First-level divisions name their state; a name two states share (Punjab) names none,
    nor does a word that a division's name would read with a plural s ("Hamas", not Hama)."""
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert describe_source(span, settings=settings).country == country
