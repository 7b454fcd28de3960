"""Commune-level administrative units after 1 July 2025 (3,321 xã, phường, đặc khu)."""
