"""The foreign-information (thông tin đối ngoại) domain: plan and report schemas."""

from ttdn_docs.ttdn.common import Basis, Citation, Issuer, RecipientList, Signer
from ttdn_docs.ttdn.load import load_plan
from ttdn_docs.ttdn.plan import Closing, ForeignInfoPlan, Opening, UnitTasks

__all__ = [
    "Basis",
    "Citation",
    "Closing",
    "ForeignInfoPlan",
    "Issuer",
    "Opening",
    "RecipientList",
    "Signer",
    "UnitTasks",
    "load_plan",
]
