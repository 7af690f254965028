#!/usr/bin/python3
"""Writes the RuntimeEncoder-form PUBs fixtures in this directory.

Arrays are encoded as qiskit-ibm-runtime's RuntimeEncoder encodes numpy arrays:
{"__type__": "ndarray", "__value__": base64(zlib(np.save(array, allow_pickle=False)))}; observables as
ObservablesArray.tolist() (plain Pauli maps) or {"__type__": "ObservablesArray", "__value__": [...]}.
Needs only numpy (Debian: python3-numpy). Run: /usr/bin/python3 make_fixtures.py
"""
import base64
import io
import json
import zlib

import numpy as np


def ndarray(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return {"__type__": "ndarray", "__value__": base64.standard_b64encode(zlib.compress(buffer.getvalue())).decode("utf-8")}


RY = 'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float[64] theta;\nbit[2] meas;\nry(theta) $0;\ncx $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n'
BELL = 'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float[64] theta;\nry(theta) $0;\ncx $0, $1;\n'

sampler = {
    "pubs": [[RY, ndarray(np.array([[0.0], [np.pi]], dtype=np.float64)), 100]],
    "version": 2,
    "support_qiskit": True,
    "options": {},
}
estimator = {
    "pubs": [
        [BELL, [{"ZZ": 1.0}, {"XX": 1.0}, {"IZ": 0.5, "ZI": 0.5}], ndarray(np.array([0.0], dtype=np.float64))],
        [BELL, {"__type__": "ObservablesArray", "__value__": [{"ZI": 1.0}]}, ndarray(np.array([[np.pi], [0.0]], dtype=np.float32))],
    ],
    "version": 2,
    "support_qiskit": True,
    "options": {},
}
for name, document in [("sampler_runtime_encoded.json", sampler), ("estimator_runtime_encoded.json", estimator)]:
    with open(name, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2)
        out.write("\n")
