from django.db import migrations

from priorities.classifications import load_code_lists


def sector_codes_to_domains(apps, schema_editor):
    """A sector's NACE codes, typed as text ("61, 62"), become its economic domains."""
    EconomicDomain = apps.get_model("priorities", "EconomicDomain")
    Sector = apps.get_model("priorities", "Sector")
    domains = {domain.code: domain for domain in EconomicDomain.objects.all()}
    for sector in Sector.objects.exclude(nace_codes=""):
        codes = [code.strip().upper() for code in sector.nace_codes.split(",")]
        # "7" and "07" are the same division; codes finer than divisions keep their division.
        codes = [code.zfill(2) if code.isdigit() else code for code in codes if code]
        sector.economic_domains.add(*{domains[c[:2]] for c in codes if c[:2] in domains})


def domains_to_sector_codes(apps, schema_editor):
    Sector = apps.get_model("priorities", "Sector")
    for sector in Sector.objects.prefetch_related("economic_domains"):
        codes = sorted(domain.code for domain in sector.economic_domains.all())
        Sector.objects.filter(pk=sector.pk).update(nace_codes=", ".join(codes))


def load(apps, schema_editor):
    load_code_lists(apps, schema_editor)


class Migration(migrations.Migration):
    """The NACE Rev. 2 and NABS 2007 code lists, and the sectors' codes moved onto them."""

    dependencies = [
        ("priorities", "0004_s3_code_lists"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(sector_codes_to_domains, domains_to_sector_codes),
    ]
