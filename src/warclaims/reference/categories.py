"""How the reference series' columns map onto warclaims claim categories."""

from __future__ import annotations

from warclaims.model import CATEGORIES

# General Staff JSON key -> warclaims column (several keys add up into one column)
GENERAL_STAFF_KEYS: dict[str, str] = {
    "personnel": "personnel",
    "tank": "tanks",
    "APC": "afv",
    "field artillery": "artillery",
    "MRL": "mlrs",
    "anti-aircraft warfare": "air_defense",
    "aircraft": "aircraft",
    "helicopter": "helicopters",
    "drone": "uav",
    "cruise missiles": "missiles",
    "mobile SRBM system": "missiles",
    "naval ship": "ships",
    "submarines": "ships",
    "vehicles and fuel tanks": "vehicles",
    "military auto": "vehicles",
    "fuel tank": "vehicles",
    "special equipment": "special_equipment",
}
GENERAL_STAFF_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(GENERAL_STAFF_KEYS.values()))

# "units of weaponry and military equipment": everything but drones and missiles
UNSPECIFIED_PARTS: tuple[str, ...] = tuple(
    c for c in CATEGORIES["equipment_loss"] if c not in ("uav", "missiles", "unspecified")
)

# claim (kind, category) -> General Staff column; None = no comparable series
CASUALTY_COLUMN: dict[str | None, str | None] = {
    "killed": "personnel",
    "casualties": "personnel",
    "wounded": "personnel",
    None: "personnel",
    "captured": None,
    "missing": None,
}

# Oryx equipment type (label as in daily_count.csv, stripped) -> (series name, warclaims category).
# Labels Oryx renamed share one series name, so the renamed series continues the old one.
ORYX_TYPES: dict[str, tuple[str, str]] = {
    "All Types": ("All Types", "unspecified"),
    "Tanks": ("Tanks", "tanks"),
    "Armoured Fighting Vehicles": ("Armoured Fighting Vehicles", "afv"),
    "Infantry Fighting Vehicles": ("Infantry Fighting Vehicles", "afv"),
    "Armoured Personnel Carriers": ("Armoured Personnel Carriers", "afv"),
    "Mine-Resistant Ambush Protected": ("Mine-Resistant Ambush Protected", "afv"),
    "Infantry Mobility Vehicles": ("Infantry Mobility Vehicles", "afv"),
    "Towed Artillery": ("Towed Artillery", "artillery"),
    "Self-Propelled Artillery": ("Self-Propelled Artillery", "artillery"),
    "Multiple Rocket Launchers": ("Multiple Rocket Launchers", "mlrs"),
    "Rocket and Missile Artillery": ("Multiple Rocket Launchers", "mlrs"),
    "Surface-To-Air Missile Systems": ("Surface-To-Air Missile Systems", "air_defense"),
    "Self-Propelled Anti-Aircraft Guns": ("Self-Propelled Anti-Aircraft Guns", "air_defense"),
    "Anti-Aircraft Guns": ("Anti-Aircraft Guns", "air_defense"),
    "Aircraft": ("Aircraft", "aircraft"),
    "Helicopters": ("Helicopters", "helicopters"),
    "Unmanned Combat Aerial Vehicles": ("Unmanned Combat Aerial Vehicles", "uav"),
    "Reconnaissance Unmanned Aerial Vehicles": ("Reconnaissance Unmanned Aerial Vehicles", "uav"),
    "Naval Ships and Submarines": ("Naval Ships", "ships"),
    "Naval Ships": ("Naval Ships", "ships"),
    "Trucks, Vehicles, and Jeeps": ("Trucks, Vehicles, and Jeeps", "vehicles"),
    "Trucks, Vehicles, Jeeps, and Trains": ("Trucks, Vehicles, and Jeeps", "vehicles"),
    "Engineering Vehicles And Equipment": (
        "Engineering Vehicles And Equipment",
        "special_equipment",
    ),
    "Command Posts And Communications Stations": (
        "Command Posts And Communications Stations",
        "special_equipment",
    ),
    "Radars": ("Radars", "special_equipment"),
    "Radars And Communications Equipment": ("Radars", "special_equipment"),
    "Jammers And Deception Systems": ("Jammers And Deception Systems", "special_equipment"),
    "Artillery Support Vehicles And Equipment": (
        "Artillery Support Vehicles And Equipment",
        "special_equipment",
    ),
    "Self-Propelled Anti-Tank Missile Systems": (
        "Self-Propelled Anti-Tank Missile Systems",
        "special_equipment",
    ),
    "Unmanned Ground Vehicles": ("Unmanned Ground Vehicles", "special_equipment"),
}
ORYX_COUNTRIES: dict[str, str] = {"Russia": "RU", "Ukraine": "UA"}
