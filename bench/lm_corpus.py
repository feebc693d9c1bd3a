"""Writes the plain-prose corpus a word n-gram language model learns from (one paragraph a
line, duplicates dropped): every source of confusables_corpus.py plus the larger ones
below, each pinned at a commit, because an n-gram model needs tens of millions of words
where the confusable-word model made do with five.

    python bench/lm_corpus.py CLONES_DIR OUT.txt [--only owner+name ...]

CLONES_DIR holds one clone (bare or not) per repository, named `owner+name`; a missing
clone is reported and skipped, so a partial corpus can be built from what is at hand.
Paragraphs are cleaned and filtered by confusables_corpus.prose (running prose only:
front matter, code, tables, headings, HTML and link targets dropped; six words or more,
mostly words, ending as a sentence does). Markdown first loses the Microsoft Learn and
Hugo extensions (`:::` blocks, `[!INCLUDE]`, HTML comments); OpenStax books are CNXML,
whose <para> and list <item> text is taken, without paragraphs that hold mathematics,
code or a table. The texts are not part of Afterview; only weights derived from them are
(licences in docs/writing.md, "Where the models come from"). None of the sources is a
text the checker is measured on: no government content, no design system, no email.

The OpenStax books were relicensed to CC BY-NC-SA 4.0 in 2025-26; each is pinned at the
last commit whose LICENSE and collection metadata still say CC BY 4.0 (the licence a
copy was received under stays in force for that copy).

Built on 2 cores in about two minutes: 48.7 million words in 1.60 million
paragraphs (300 MB), of which confusables_corpus.py's 13 sources give 4.8 M, 31
Microsoft documentation sets 28.4 M, 42 other documentation sets 8.4 M and 28 OpenStax
books 7.1 M; the words of each source are in the table below SOURCES.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from confusables_corpus import SOURCES as BASE
from confusables_corpus import prose


def _md(folder: str | tuple[str, ...] = "") -> Callable[[str], bool]:
    return lambda p: p.startswith(folder) and p.endswith(".md")


def _cnxml(p: str) -> bool:
    return p.startswith("modules/") and p.endswith(".cnxml")


MS = "CC BY 4.0 (docs) / MIT (code)"
OPENSTAX = "CC BY 4.0 (at this commit)"
# OpenStax books: osbooks-<name> -> the last commit licensed CC BY 4.0 (docstring).
OPENSTAX_PINS = {
    "american-government": "5c90dd7907dbf25f42266417e63ca3bb0012f031",
    "anatomy-physiology": "b0058a743bdd2cc08196abaaa7d5469970c0d80c",
    "astronomy": "63157f370b09c06a4cc12832384aaaf4de1ced3b",
    "business-ethics": "d64573e2807a1e7ba5d7dec8c36cd815a942b5c7",
    "chemistry-bundle": "32c719622fbb7a0ca729cd645c1df4cf4e7d5b3a",
    "college-physics-bundle": "f98d7a792138a6133fe7267d17e70aa04e9ccbed",
    "college-success-bundle": "4c04b87eb2753872c2d442fe9736859ddb27bb72",
    "entrepreneurship": "c1fa2c872ba07dc864c3aeb5a510b08b4f657288",
    "introduction-anthropology": "418eedd9bef21ec1a6fa1b472c0d82c084e35c70",
    "introduction-business": "f99a5bb2eeec22a6fb042f8d95435d5b9e5564da",
    "introduction-intellectual-property": "be76c2d982080df077b6f7f7f784d0bbbc37ee8b",
    "introduction-philosophy": "d7bd4f0f520529b3ad83272448a9c2be25c9040a",
    "introduction-political-science": "4391e659b98eec43b71e8b3f08241215fb4dd4c4",
    "introduction-python-programming": "d6d069bb24677a375aa28a574bd506d4b893cfdf",
    "introduction-sociology": "d35d5f3bdac40f93607d600134865d4f13ce1f9b",
    "microbiology": "ecf34dad129d686703780e87ab5aa2e59c577a6a",
    "principles-finance": "3b7fc65c527ef51dbee24689691f19947fb72fb2",
    "principles-marketing": "40369d8ce3adb160cf8d2cc6528cd00be6a472eb",
    "psychology": "e061043bf2f9e86ace51c4e8dc9555160f60a99d",
    "us-history": "046331cfcea0ac1b1a8fd461b3e6aae638845af3",
    "world-history": "3e17beda9130380d24be881e6d1942dfcc1be845",
    "physics": "ff78c7a8150fdda5ed1f786ac59ac25cdd532ef0",
    "workplace-software-skills": "994e5e50c3bbafb958bdb1160dbf175f76d292c5",
    "life-liberty-and-pursuit-happiness": "acb6fbe2744dd112187b6aff5946cfe969410fca",
    "introductory-statistics-bundle": "50ec91749080bb040b57bb40c34337cacc994cba",
    "university-physics-bundle": "db44eb99e9aa1d918fd8cf182f82ccdece9c7b11",
    "contemporary-mathematics": "fa7c1a151783958fd2c114da66831e3d57ce2321",
    "writing-guide": "a6c95528390e3a2936f5bf87c49ac1a4995a0a6e",
}

# repository -> (commit, licence, which files)
SOURCES: dict[str, tuple[str, str, Callable[[str], bool]]] = {
    **BASE,
    "MicrosoftDocs+win32": ("47e64c189dcb1c1a42c221380ccf0ec81cc82d4b", MS, _md("desktop-src/")),
    "MicrosoftDocs+windows-driver-docs": (
        "825aa15f476fc33a3e80abd3db387b025771f6f8",
        MS,
        _md("windows-driver-docs-pr/"),
    ),
    "MicrosoftDocs+cpp-docs": ("a2e592a8fc391b6aff8d1323f5b58696abdc5d57", MS, _md("docs/")),
    "MicrosoftDocs+PowerShell-Docs": (
        "27138b21b41de3e2b43cfcac4a56861ca419d5eb",
        MS,
        _md("reference/"),
    ),
    "MicrosoftDocs+OfficeDocs-SharePoint": (
        "7c40f91e5ec777bea5e1a222015884fdc8b3a2bb",
        MS,
        _md(),
    ),
    "MicrosoftDocs+OfficeDocs-Exchange": (
        "52e8b70f9b7aa92a24a4cb16b70229c1b45d583a",
        MS,
        _md(),
    ),
    "MicrosoftDocs+VBA-Docs": ("b2cda886ea91e36c62eb1cb177133ad024ecd345", MS, _md()),
    "MicrosoftDocs+OfficeDocs-Support": (
        "36878e0e10fbe834858d06a771a7e51e570469d3",
        MS,
        _md(),
    ),
    "MicrosoftDocs+office-developer-client-docs": (
        "eedbd61ca40689e7cfed5e1cfd9440a9dc3ab7a5",
        MS,
        _md("docs/"),
    ),
    "MicrosoftDocs+office-docs-powershell": (
        "93336da2bca96c31c0fc8acc52658a30ef8a6c94",
        MS,
        _md(),
    ),
    "MicrosoftDocs+windows-powershell-docs": (
        "f113d6bda7df4bf60fb213c320c12678b40ae571",
        MS,
        _md("docset/"),
    ),
    "MicrosoftDocs+azure-docs-powershell": (
        "94a1a083642e3e1e0cf9b577b22ddbabea03963d",
        MS,
        _md(),
    ),
    "MicrosoftDocs+azure-docs-cli": (
        "e97b361d00a5deca1759cc063e05ae2d53ea95e0",
        MS,
        _md("docs-ref-conceptual/"),
    ),
    "MicrosoftDocs+dataexplorer-docs": (
        "1bbb122cebcea58faa906a914030367551762a8c",
        MS,
        _md("data-explorer/"),
    ),
    "MicrosoftDocs+winrt-api": ("997f9e17fd9ac7b59f2c83647d1b813382422b97", MS, _md("windows.")),
    "MicrosoftDocs+windows-driver-docs-ddi": (
        "6dcd4d9f2adac87becfa71e29882085ef7d96b76",
        MS,
        _md("wdk-ddi-src/"),
    ),
    "MicrosoftDocs+Virtualization-Documentation": (
        "77e0742a8029cf3b5a96c84dfab2ce7ba623286c",
        MS,
        _md("virtualization/"),
    ),
    "MicrosoftDocs+dynamics365smb-docs": (
        "41aa5854d6fd0c6eacf01d5dc91327a04ab9eae9",
        MS,
        _md("business-central/"),
    ),
    "MicrosoftDocs+office-developer-exchange-docs": (
        "5a8808d74cb7719af2e4db3212a22a27edee9dfc",
        MS,
        _md("docs/"),
    ),
    "MicrosoftDocs+azure-management-docs": (
        "d923d588901082fa2107de6b2a82d7d05cd95160",
        MS,
        _md("articles/"),
    ),
    "MicrosoftDocs+OfficeDocs-ProjectServer": (
        "ffdde9ce0f77dee76f6f1f7f42a96bceb7b9f2f6",
        MS,
        _md(),
    ),
    "dotnet+docs-desktop": (
        "44731fef8be4d4ecb95c169a49757f3d0d4d065d",
        MS,
        _md("dotnet-desktop-guide/"),
    ),
    "dotnet+EntityFramework.Docs": (
        "16e474b58151684c890eb0041ef84f38e59610d3",
        MS,
        _md("entity-framework/"),
    ),
    "facebook+react-native-website": (
        "2f3a5ac1cd665031313d115e8c940a22a58332e6",
        "CC BY 4.0 (docs) / MIT (code)",
        lambda p: (
            p.startswith(("docs/", "website/versioned_docs/", "website/blog/"))
            and p.endswith((".md", ".mdx"))
        ),
    ),
    "webpack+webpack.js.org": (
        "9c0ce6f5e982c2efd3e97360a107a6343cf2c77b",
        "CC BY 4.0",
        lambda p: p.startswith("src/content/") and p.endswith((".md", ".mdx")),
    ),
    "open-telemetry+opentelemetry.io": (
        "dd5997c8b9fafbf72ea6b8059ade242d88b8f118",
        "CC BY 4.0 (docs) / Apache-2.0 (code)",
        _md("content/en/"),
    ),
    "dart-lang+site-www": (
        "91816041abeade1d1ca731943105ef91044c063d",
        "CC BY 4.0 (docs) / BSD-3-Clause (code)",
        _md("src/content/"),
    ),
    "golang+website": (
        "b02076ae6df08ee9d495fe4b283f88ac18e51012",
        "BSD-3-Clause",
        _md("_content/"),
    ),
    "swiftlang+swift-evolution": (
        "0105e139a22938561c700cfbb89ddc3ebe402f0c",
        "Apache-2.0",
        _md("proposals/"),
    ),
    "swiftlang+swift-book": (
        "29329996c4ec537de0b16e70609e2a6c4ecc2af7",
        "Apache-2.0",
        _md("TSPL.docc/"),
    ),
    "rust-lang+rustc-dev-guide": (
        "2cbf04342b4611800be07d4942db42be824cd899",
        "MIT / Apache-2.0",
        _md("src/"),
    ),
    "rust-lang+nomicon": (
        "cc6a6bae8c3bfa389974e533c54694662c1a9de6",
        "MIT / Apache-2.0",
        _md("src/"),
    ),
    "rust-lang+edition-guide": (
        "c3c0f0b3da26610138b7ba7663f60cd2c68cf184",
        "MIT / Apache-2.0",
        _md("src/"),
    ),
    "crystal-lang+crystal-book": (
        "d8691369aaa964b730b7bad345bdcec104fcddec",
        "CC0-1.0",
        _md("docs/"),
    ),
    "dotnet+docs-maui": ("f67ed2a3046811f234960e36e6cbab6f20608e48", MS, _md("docs/")),
    "microsoft+TypeScript-Website": (
        "1f8e642574ce992bfd573a96b5e3de43d8ac044a",
        MS,
        _md("packages/documentation/copy/en/"),
    ),
    "MicrosoftDocs+well-architected": (
        "1353bbb66e53121b702a46baed0d64e1f6284bb5",
        MS,
        _md("well-architected/"),
    ),
    "MicrosoftDocs+PowerShell-Docs-Modules": (
        "49348e806b8201e4d1ca9a1bd70ebd8396f8bfb4",
        MS,
        _md("reference/"),
    ),
    "knative+docs": (
        "de125bfad88b6f8f5ff037866a5436d64051898f",
        "CC BY 4.0 (docs) / Apache-2.0 (code)",
        _md("docs/"),
    ),
    "JetBrains+kotlin-web-site": (
        "72a34b63180685b5f46f994b4b257d376907d739",
        "Apache-2.0",
        _md("docs/topics/"),
    ),
    "denoland+docs": ("eb8f78e90dbc72f3b3ab7dcd85609622379b5bca", "MIT", _md()),
    "sqlalchemy+sqlalchemy": (
        "f35da7e2b9349a08b8de1f6bd3b07c8bf8616790",
        "MIT",
        lambda p: p.startswith("doc/build/") and p.endswith(".rst"),
    ),
    "OfficeDev+office-js-docs-pr": ("096a3ee8660810129c58c52732b460b3bdf93693", MS, _md("docs/")),
    "huggingface+course": (
        "16af5667532d6966f0fe83f44cc848dd7698a215",
        "Apache-2.0",
        lambda p: p.startswith("chapters/en/") and p.endswith((".md", ".mdx")),
    ),
    "laravel+docs": ("86077535bbfdc2ab29cd9f202ee1ab3e7e6e18e6", "MIT", _md()),
    "fastapi+fastapi": ("c3f316b7e814667e8ee81e03a7330d00ee61e45c", "MIT", _md("docs/en/docs/")),
    "tensorflow+docs": (
        "7c3650212740204359d4ceae481abc79345541be",
        "Apache-2.0",
        lambda p: p.startswith("site/en/") and p.endswith((".md", ".ipynb")),
    ),
    "MicrosoftDocs+powerquery-docs": (
        "c27ec41b57495b42f69bb8158e848897701f718a",
        MS,
        _md("powerquery-docs/"),
    ),
    "MicrosoftDocs+semantic-kernel-docs": (
        "8666d652b1f1313a6be0baee91ef11652fc6d3b5",
        "MIT",
        _md(("agent-framework/", "semantic-kernel/")),
    ),
    "grpc+grpc.io": ("028a1d2a6d59daea0e496b3e68789bb60fa69f4a", "CC BY 4.0", _md("content/en/")),
    "etcd-io+website": (
        "824597935df6e95992ef61c07e3222f4f796ca6c",
        "CC BY 4.0",
        _md("content/en/"),
    ),
    "helm+helm-www": (
        "227f41447a683545325e87aedf10c67096d11004",
        "MIT",
        lambda p: (
            p.startswith(("docs/", "versioned_docs/", "community/", "blog/"))
            and p.endswith((".md", ".mdx"))
        ),
    ),
    "linkerd+website": (
        "93f001753363bba09eafd81e290512f89f4697ed",
        "Apache-2.0",
        _md("linkerd.io/content/"),
    ),
    "ethereum+EIPs": (
        "f767a1e8078e17c9b381a91d35a09492189ede1b",
        "CC0-1.0",
        _md("EIPS/"),
    ),
    "ethereum+ERCs": (
        "9c718c7c02372a6b7e300990511cd6fdff7f1dfa",
        "CC0-1.0",
        _md("ERCS/"),
    ),
    "rust-lang+blog.rust-lang.org": (
        "0243724c2e50ad2b7ebd3d9dbc7cd88aed7605a3",
        "MIT / Apache-2.0",
        _md("content/"),
    ),
    "withastro+docs": (
        "741c1b89ba13cf9b4ac4087ef09dc269e113fa77",
        "MIT",
        lambda p: p.startswith("src/content/docs/en/") and p.endswith((".md", ".mdx")),
    ),
    "cypress-io+cypress-documentation": (
        "4df0c75e373515c33269176d556219950487e085",
        "MIT",
        lambda p: p.startswith("docs/") and p.endswith((".md", ".mdx")),
    ),
    "vuejs+v2.vuejs.org": ("e468cc04e4da67ea758682609fc85e721916e7cf", "MIT", _md("src/")),
    "electron+electron": ("96f3996d8d3ce6e2fcfb86326fc4b953b53936fb", "MIT", _md("docs/")),
    "rust-lang+cargo": (
        "af373f761aa4e42b093c2e453078fd73c8ce54dd",
        "MIT / Apache-2.0",
        _md("doc/book/src/"),
    ),
    "nestjs+docs.nestjs.com": (
        "2f9d9394aa71ea666816c8a3475fbc6d165962c6",
        "MIT",
        _md("content/"),
    ),
    "prometheus+docs": (
        "c105550aad07161f62d02e305ed09799ec6025fa",
        "Apache-2.0",
        _md(("docs/", "blog/")),
    ),
    "pydantic+pydantic": ("2151025aa51263f3016502b00010b78e4481eaa1", "MIT", _md("docs/")),
    "sphinx-doc+sphinx": (
        "e44a40eb2f810558ccd9da1425421270ccb81351",
        "BSD-2-Clause",
        lambda p: p.startswith("doc/") and p.endswith(".rst"),
    ),
    "dapr+docs": (
        "0748da594aae03529034fd4aa1d10d96199df0c1",
        "CC BY 4.0",
        _md("daprdocs/content/en/"),
    ),
    "kubeflow+website": (
        "476e4c1080e00cc08bb76b3a52b28014a8aa9477",
        "CC BY 4.0",
        _md("content/en/"),
    ),
    "microsoft+playwright": (
        "d4e1023f6c03a8dced50eb3db88c2217e7c1a86a",
        "Apache-2.0",
        _md("docs/src/"),
    ),
    "argoproj+argo-cd": ("37ee0097cf851bc2dd7665fc081bbce61a7e836e", "Apache-2.0", _md("docs/")),
    "fluxcd+website": (
        "6da0f383c3348b92f94ae5a90c4d2b59ec0144e8",
        "Apache-2.0",
        _md("content/en/"),
    ),
    "kubernetes-sigs+kubebuilder": (
        "5c400728930120dd385712db61cb0a937238ce81",
        "Apache-2.0",
        _md(("docs/book/", "designs/")),
    ),
    "cert-manager+website": (
        "776e5dba56510fc9de84206b806b568447077f25",
        "Apache-2.0",
        _md("content/"),
    ),
    "numpy+numpy": (
        "1f90bbb55e65e7de68921bc3f1a2d94492fdf689",
        "BSD-3-Clause",
        lambda p: p.startswith(("doc/source/", "doc/neps/")) and p.endswith(".rst"),
    ),
    **{f"openstax+osbooks-{n}": (c, OPENSTAX, _cnxml) for n, c in OPENSTAX_PINS.items()},
}

# Words each source gave (duplicates of earlier sources dropped) in the build the docstring
# describes:
#   rust-lang+book                                         149,125
#   rust-lang+reference                                     69,217
#   rust-lang+rust-by-example                               18,252
#   rust-lang+rfcs                                         888,145
#   reactjs+react.dev                                      213,751
#   vuejs+docs                                              79,570
#   github+opensource.guide                                 26,130
#   alan-turing-institute+the-turing-way                   139,997
#   kubernetes+community                                   342,166
#   kubernetes+enhancements                              1,252,871
#   golang+proposal                                        282,070
#   python+peps                                          1,309,697
#   jekyll+jekyll                                           36,741
#   MicrosoftDocs+win32                                  6,026,446
#   MicrosoftDocs+windows-driver-docs                    3,320,299
#   MicrosoftDocs+cpp-docs                               2,589,874
#   MicrosoftDocs+PowerShell-Docs                          730,955
#   MicrosoftDocs+OfficeDocs-SharePoint                    895,298
#   MicrosoftDocs+OfficeDocs-Exchange                    1,196,666
#   MicrosoftDocs+VBA-Docs                               1,489,129
#   MicrosoftDocs+OfficeDocs-Support                       721,776
#   MicrosoftDocs+office-developer-client-docs             753,931
#   MicrosoftDocs+office-docs-powershell                 1,076,297
#   MicrosoftDocs+windows-powershell-docs                  898,954
#   MicrosoftDocs+azure-docs-powershell                    629,758
#   MicrosoftDocs+azure-docs-cli                            39,771
#   MicrosoftDocs+dataexplorer-docs                        289,113
#   MicrosoftDocs+winrt-api                              1,356,229
#   MicrosoftDocs+windows-driver-docs-ddi                2,374,403
#   MicrosoftDocs+Virtualization-Documentation              88,190
#   MicrosoftDocs+dynamics365smb-docs                      804,924
#   MicrosoftDocs+office-developer-exchange-docs           186,249
#   MicrosoftDocs+azure-management-docs                    432,743
#   MicrosoftDocs+OfficeDocs-ProjectServer                 145,034
#   dotnet+docs-desktop                                    547,247
#   dotnet+EntityFramework.Docs                            290,825
#   facebook+react-native-website                          188,165
#   webpack+webpack.js.org                                 100,244
#   open-telemetry+opentelemetry.io                        364,061
#   dart-lang+site-www                                     269,984
#   golang+website                                         465,781
#   swiftlang+swift-evolution                              849,631
#   swiftlang+swift-book                                   135,446
#   rust-lang+rustc-dev-guide                              183,284
#   rust-lang+nomicon                                       29,944
#   rust-lang+edition-guide                                 17,959
#   crystal-lang+crystal-book                               44,997
#   dotnet+docs-maui                                       291,942
#   microsoft+TypeScript-Website                           147,285
#   MicrosoftDocs+well-architected                         317,934
#   MicrosoftDocs+PowerShell-Docs-Modules                   36,076
#   knative+docs                                           112,927
#   JetBrains+kotlin-web-site                              268,811
#   denoland+docs                                          178,535
#   sqlalchemy+sqlalchemy                                  201,166
#   OfficeDev+office-js-docs-pr                            255,790
#   huggingface+course                                      94,134
#   laravel+docs                                           238,769
#   fastapi+fastapi                                        106,375
#   tensorflow+docs                                        270,043
#   MicrosoftDocs+powerquery-docs                          195,432
#   MicrosoftDocs+semantic-kernel-docs                     162,934
#   grpc+grpc.io                                            76,004
#   etcd-io+website                                         89,813
#   helm+helm-www                                          127,600
#   linkerd+website                                        209,026
#   ethereum+EIPs                                          581,558
#   ethereum+ERCs                                          664,596
#   rust-lang+blog.rust-lang.org                           492,740
#   withastro+docs                                         186,561
#   cypress-io+cypress-documentation                       383,661
#   vuejs+v2.vuejs.org                                      51,418
#   electron+electron                                      128,282
#   rust-lang+cargo                                         65,401
#   nestjs+docs.nestjs.com                                  90,591
#   prometheus+docs                                        122,922
#   pydantic+pydantic                                       34,649
#   sphinx-doc+sphinx                                       73,843
#   dapr+docs                                              120,538
#   kubeflow+website                                        59,205
#   microsoft+playwright                                   104,961
#   argoproj+argo-cd                                       139,188
#   fluxcd+website                                         153,702
#   kubernetes-sigs+kubebuilder                             46,059
#   cert-manager+website                                   128,336
#   numpy+numpy                                            269,142
#   openstax+osbooks-american-government                   276,031
#   openstax+osbooks-anatomy-physiology                    435,658
#   openstax+osbooks-astronomy                             360,180
#   openstax+osbooks-business-ethics                       124,116
#   openstax+osbooks-chemistry-bundle                      265,677
#   openstax+osbooks-college-physics-bundle                325,727
#   openstax+osbooks-college-success-bundle                201,164
#   openstax+osbooks-entrepreneurship                      224,813
#   openstax+osbooks-introduction-anthropology             253,784
#   openstax+osbooks-introduction-business                 220,197
#   openstax+osbooks-introduction-intellectual-property      55,317
#   openstax+osbooks-introduction-philosophy               162,166
#   openstax+osbooks-introduction-political-science        199,311
#   openstax+osbooks-introduction-python-programming        16,290
#   openstax+osbooks-introduction-sociology                213,521
#   openstax+osbooks-microbiology                          347,932
#   openstax+osbooks-principles-finance                    169,387
#   openstax+osbooks-principles-marketing                  197,610
#   openstax+osbooks-psychology                            250,333
#   openstax+osbooks-us-history                            358,712
#   openstax+osbooks-world-history                         493,965
#   openstax+osbooks-physics                               201,474
#   openstax+osbooks-workplace-software-skills             244,429
#   openstax+osbooks-life-liberty-and-pursuit-happiness     498,628
#   openstax+osbooks-introductory-statistics-bundle        230,451
#   openstax+osbooks-university-physics-bundle             332,602
#   openstax+osbooks-contemporary-mathematics              173,717
#   openstax+osbooks-writing-guide                         249,809
#   total                                               48,702,289


def blobs(clone: Path, commit: str, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """(path, text) of the wanted files at commit, read through one `git cat-file --batch`
    rather than a `git show` a file, which is what makes a 50,000-file repository quick."""
    listing = subprocess.run(
        ["git", "-C", str(clone), "ls-tree", "-r", commit],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    chosen = []
    for line in listing.splitlines():
        meta, name = line.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind == "blob" and mode != "120000" and wanted(name):
            chosen.append((name, sha))
    with subprocess.Popen(
        ["git", "-C", str(clone), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as cat:
        assert cat.stdin is not None and cat.stdout is not None
        for name, sha in chosen:
            cat.stdin.write(sha.encode() + b"\n")
            cat.stdin.flush()
            header = cat.stdout.readline().split()
            if header[-1] == b"missing":  # large files are absent from some mirrors
                continue
            data = cat.stdout.read(int(header[2]) + 1)[:-1]
            yield name, data.decode("utf-8", "replace")
        cat.stdin.close()


def _keep(p: str) -> bool:
    """False for a paragraph with a web address in it, or one not in a Latin script (the
    Korean translation of an RFC, say)."""
    return "://" not in p and sum(ord(c) > 0x24F and c.isalpha() for c in p) < 0.05 * len(p)


_COMMENT = re.compile(r"<!--.*?-->", re.S)  # HTML comments, which may span lines
_MARKER = re.compile(r"^[ \t]*(:::|\[!(INCLUDE|div|VIDEO)|\{\{[<%]).*$", re.M | re.I)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")  # markdown's \_ and the like
_RULE = re.compile(r"^r\[[\w.\-]+\]\s*", re.M)  # the Rust reference's rule labels


def markdown(text: str, rst: bool = False) -> Iterator[str]:
    """Prose paragraphs of a markdown (or reStructuredText) page, once the markup that
    confusables_corpus.prose does not know is blanked out."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not rst:
        text = _RULE.sub("", _ESCAPE.sub(r"\1", _MARKER.sub("", _COMMENT.sub("\n", text))))
    for p in prose(text, rst):
        if _keep(p):
            yield html.unescape(p)


_CNX = "{http://cnx.rice.edu/cnxml}"
# Footnotes (a <note> inside a paragraph), figures and lists are left out of a paragraph.
_SKIP = {"footnote", "note", "figure", "table", "media", "code", "preformat", "equation", "list"}
_NAMES = {"figure": "Figure 1", "table": "Table 1", "example": "Example 1", "equation": "(1)"}


def cnxml(text: str) -> Iterator[str]:
    """Prose paragraphs of an OpenStax CNXML module: the text of each <para> and list
    <item>, with a cross-reference that has no text of its own read as "Figure 1" (or
    "Table 1", ...) so that the sentence stays whole."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return
    content = root.find(f"{_CNX}content")
    if content is None:
        return
    kinds = {e.get("id"): e.tag.removeprefix(_CNX) for e in content.iter() if e.get("id")}

    def words(e: ET.Element) -> str | None:
        """Text of e, or None when it holds something that is not prose."""
        out = [e.text or ""]
        for child in e:
            tag = child.tag.removeprefix(_CNX)
            if "MathML" in child.tag or tag in {"code", "preformat", "table", "equation"}:
                return None
            if tag == "link" and not "".join(child.itertext()).strip():
                target = kinds.get(child.get("target-id"), "section")
                out.append(_NAMES.get(target, "Section 1") if child.get("target-id") else "")
            elif tag == "newline":
                out.append(" ")
            elif tag not in _SKIP:
                inner = words(child)
                if inner is None:
                    return None
                out.append(inner)
            out.append(child.tail or "")
        return "".join(out)

    for e in content.iter():
        if e.tag in (f"{_CNX}para", f"{_CNX}item"):
            para = words(e)
            if para is not None:
                para = re.sub(r"\s+", " ", para).strip()
                for p in prose(para.replace("<", " ").replace(">", " "), False):
                    if _keep(p):
                        yield p


def notebook(text: str) -> Iterator[str]:
    """Prose paragraphs of a Jupyter notebook's markdown cells."""
    try:
        cells = json.loads(text).get("cells", [])
    except ValueError:
        return
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            yield from markdown("".join(source) if isinstance(source, list) else source)


def paragraphs(name: str, text: str) -> Iterator[str]:
    if name.endswith(".cnxml"):
        return cnxml(text)
    if name.endswith(".ipynb"):
        return notebook(text)
    return markdown(text, name.endswith(".rst"))


def build(
    clones: Path, out: Path, only: set[str] | None = None, log: Callable[[str], None] = print
) -> dict[str, int]:
    """Writes the corpus and returns the words each source gave."""
    seen: set[bytes] = set()
    counts: dict[str, int] = {}
    total_paras = 0
    with out.open("w", encoding="utf-8") as fh:
        for repo, (commit, licence, wanted) in SOURCES.items():
            if only and repo not in only:
                continue
            if not (clones / repo).exists():
                log(f"{repo:44} missing, skipped")
                continue
            start, words, paras = time.monotonic(), 0, 0
            for name, text in blobs(clones / repo, commit, wanted):
                for p in paragraphs(name, text):
                    key = hashlib.blake2b(p.encode(), digest_size=12).digest()
                    if key not in seen:
                        seen.add(key)
                        fh.write(p + "\n")
                        words += len(p.split())
                        paras += 1
            counts[repo] = words
            total_paras += paras
            took = time.monotonic() - start
            log(f"{repo:44} {licence:30} {paras:9,} paragraphs {words:11,} words {took:5.0f} s")
    log(f"{'total':44} {'':30} {total_paras:9,} paragraphs {sum(counts.values()):11,} words")
    return counts


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--only"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    only = set(args[2:]) if "--only" in argv else None
    build(Path(args[0]), Path(args[1]), only, lambda line: print(line, file=sys.stderr))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
