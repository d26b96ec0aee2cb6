"""/api/health: the store's counts and whether writes are enabled."""

from __future__ import annotations

from fastapi import APIRouter

from warclaims import __version__
from warclaims.api.deps import SettingsDep, StoresDep
from warclaims.api.schemas import HealthOut

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=HealthOut, summary="Health and counts")
def health(stores: StoresDep, settings: SettingsDep) -> HealthOut:
    return HealthOut(
        status="ok",
        version=__version__,
        counts=stores.get().counts(),
        writes_enabled=settings.writes_enabled,
    )
