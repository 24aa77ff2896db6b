//! Who and what bears arms: forces, fighters and armed groups written as common nouns, weapons
//! ("rockets", "a car bomb"), and the words of fighting; what the event recognisers ask before
//! they call a verb or a noun a strike ("the army struck a deal" is none).

use super::moved::is_forces;
use super::named::ATTACK_NOUNS;
use super::OPERATION_NOUNS;
use crate::extract::tokens::{self, Token};

/// Nouns of fighting between sides, which [`fighting_named`] reads as an operation.
pub(super) const FIGHTING: &[&str] =
    &["fighting", "clashes", "battle", "battles", "gunbattle", "gunbattles", "firefight", "firefights", "skirmishes"];

/// Words that tell fighting of arms before its noun: "heavy fighting", "the latest clashes",
/// "the three-hour battle".
pub(super) const FIGHTING_BEFORE: &[&str] = &[
    "the",
    "heavy",
    "fierce",
    "renewed",
    "intense",
    "latest",
    "sporadic",
    "deadly",
    "ethnic",
    "armed",
    "street",
    "bloody",
    "fresh",
    "overnight",
    "new",
    "sectarian",
    "violent",
    "border",
    "three-hour",
    "hours-long",
    "days-long",
];

/// Whether a sentence tells of arms ([`of_arms`], people killed or hurt included) or of an attack
/// or an operation by its noun: "a mosque was also destroyed during the operation", "Six of our
/// police officers were killed and a bridge was partially damaged".
pub(crate) fn told_in_arms(st: &[Token]) -> bool {
    of_arms(st, true)
        || st.iter().any(|w| {
            w.is_any(ATTACK_NOUNS)
                || w.is_any(OPERATION_NOUNS)
                || w.is_any(&["blast", "explosion", "fighting", "clashes"])
        })
}

/// Whether the words are of arms: forces, fighters or weapons written as common nouns ("troops",
/// "militants", "rebels", "rockets"), or an armed group by name; with `or_harm`, people killed or
/// hurt too. (Team names are capitalised: "the Jets", "the Bombers", "Rangers and Celtic fans"
/// are no arms.)
pub(super) fn of_arms(st: &[Token], or_harm: bool) -> bool {
    st.iter().enumerate().any(|(k, w)| {
        let common = !w.is_capitalized() || k == 0 || st[k - 1].kind == tokens::Kind::Punct;
        let harm = || {
            w.is_any(&[
                "killed",
                "killing",
                "dead",
                "died",
                "wounded",
                "injured",
                "casualties",
                "deaths",
                "deadly",
                "sectarian",
                "ethnic",
                "tribal",
            ])
        };
        common
            && (is_forces(w)
                || w.is_any(ARMED)
                || w.is_any(WEAPONS)
                || crate::extract::quantities::counted(w.text)
                    .is_some_and(|e| matches!(e.group, "forces" | "fighters"))
                || w.is_any(&["armed", "gun", "shelling", "airstrikes", "artillery"])
                || or_harm && harm())
            || w.is_any(&["Taliban", "Hamas", "Hezbollah", "ISIS", "ISIL", "Houthis", "al-Shabab", "al-Shabaab"])
    })
}

/// Words that make a [`GUARDED`] noun a guarded post, or a subject armed ([`armed_before`]).
pub(super) const OF_ARMS: &[&str] =
    &["army", "police", "military", "paramilitary", "militia", "border", "security", "naval", "air", "government"];

/// Whether `w` names people, whom only the armed strike ("gunmen attacked civilians").
pub(super) fn people(w: &Token) -> bool {
    crate::extract::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "people" | "civilians"))
}

/// Who bears arms, as a subject: forces and fighters the lexicon counts ("militants", "troops"),
/// weapons and the craft that carry them ("jets", "drones", "artillery").
pub(super) const ARMED: &[&str] = &[
    "gunmen",
    "gunman",
    "attackers",
    "assailants",
    "jets",
    "warplanes",
    "aircraft",
    "helicopters",
    "helicopter",
    "drones",
    "drone",
    "bombers",
    "artillery",
    "army",
    "navy",
    "military",
    "police",
    "snipers",
    "sniper",
    "separatists",
    "militia",
    "militias",
    "paramilitaries",
];

/// Whether the verb at `i` has an armed subject: within five words before it in its clause, a
/// word of [`ARMED`] or one the lexicon counts as forces or fighters ("Russian forces shelled",
/// "gunmen opened fire", "Israeli jets pounded").
pub(super) fn armed_before(st: &[Token], i: usize) -> bool {
    st[i.saturating_sub(5)..i]
        .iter()
        .rev()
        .take_while(|w| (w.kind != tokens::Kind::Punct || w.is_punct('-')) && !w.is_any(&["and", "but", "while"]))
        .any(|w| {
            w.is_any(ARMED)
                || crate::extract::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters"))
        })
}

/// Whether the sentence before `i` speaks of the armed: forces, fighters, arms, a patrol or a
/// mission ("his patrol while conducting dismounted operations", "the battle group … supporting
/// Operation Atlantic Resolve"), as a company, a team or a volunteer does not.
pub(super) fn military_before(st: &[Token], i: usize) -> bool {
    st[..i].iter().any(|w| {
        is_forces(w) || w.is_any(ARMED) || w.is_any(&["patrol", "patrols", "mission", "missions"]) || w.is_any(OF_ARMS)
    })
}

/// Weapons that strike by themselves: "rockets hit the base", "mortar shells hit the town", "a
/// bomb exploded near their tank".
pub(super) const WEAPONS: &[&str] = &[
    "rocket",
    "rockets",
    "mortar",
    "mortars",
    "shell",
    "shells",
    "missile",
    "missiles",
    "grenade",
    "grenades",
    "bomb",
    "bombs",
    "projectile",
    "projectiles",
    "VBIED",
    "VBIEDs",
    "IED",
    "IEDs",
    "explosives",
    "landmine",
    "landmines",
];

/// Weapons only with a word that makes them one before them: "a roadside device", "an explosive
/// device", "a suicide vest", "a land mine", "a kamikaze drone" (not "Apple's new device", "the
/// copper mine", "the new drone").
pub(super) const WEAPONS_QUALIFIED: &[&str] =
    &["device", "devices", "mine", "mines", "vest", "vests", "drone", "drones", "vehicle", "car", "truck"];

/// The words that make a [`WEAPONS_QUALIFIED`] noun a weapon.
pub(super) const WEAPON_WORDS: &[&str] = &[
    "roadside",
    "explosive",
    "improvised",
    "suicide",
    "land",
    "anti-tank",
    "anti-personnel",
    "booby-trapped",
    "kamikaze",
    "attack",
    "armed",
    "bomb-laden",
    "explosives-laden",
    "car",
    "truck",
];

/// Whether the word before the verb at `i` is a weapon, the head of its subject: "mortar shells
/// hit", "a roadside bomb exploded", "an explosive device detonated" (not "Shell shares hit",
/// "the bomb cyclone hit", "the copper mine hit a record").
pub(super) fn weapon_subject(st: &[Token], i: usize) -> bool {
    let Some(h) = subject_head(st, i) else { return false };
    let w = &st[h];
    w.is_any(WEAPONS)
        || w.is_any(&["bomber", "bombers"])
        || w.is_any(WEAPONS_QUALIFIED) && st[h.saturating_sub(3)..h].iter().any(|q| q.is_any(WEAPON_WORDS))
}

/// The word before the verb at `i`, past auxiliaries and a relative word: "a bomber has
/// detonated", "an improvised explosive device that detonated", "bombs were detonated".
pub(super) fn subject_head(st: &[Token], i: usize) -> Option<usize> {
    let mut h = i;
    while h > 0 && i - h < 2 && st[h - 1].is_any(&["has", "have", "had", "that", "which", "was", "were"]) {
        h -= 1;
    }
    h.checked_sub(1)
}

/// Rockets and missiles, which fly before they strike.
pub(super) const FLYING: &[&str] = &["rocket", "rockets", "missile", "missiles"];
