"""Kept importable from here: the parts shared by every document moved to the generic
layer (``ttdn_docs.generic.parts``), since any document type uses them."""

from ttdn_docs.generic.parts import (
    AUTO_NUMBER as AUTO_NUMBER,
    Basis as Basis,
    Citation as Citation,
    DocumentNumber as DocumentNumber,
    IssuedDocument as IssuedDocument,
    Issuer as Issuer,
    Model as Model,
    RecipientEntry as RecipientEntry,
    RecipientEntryOrText as RecipientEntryOrText,
    RecipientList as RecipientList,
    Signer as Signer,
    TextOrLines as TextOrLines,
    admin_document as admin_document,
    fixed_number as fixed_number,
    recipients_from as recipients_from,
)
