#!/usr/bin/python3
"""Reads a results document written for "support_qiskit": true the way qiskit-ibm-runtime's RuntimeDecoder does
(__type__/__value__ objects; ndarrays as base64(zlib(.npy)) loaded with np.load) and prints a JSON summary:
for each PUB result its type, the DataBin's shape and fields, each BitArray's array dtype/shape/num_bits and counts,
each float array's values. Needs only numpy. Usage: decode_results.py RESULTS.json
"""
import base64
import io
import json
import sys
import zlib

import numpy as np


def hook(obj):
    if "__type__" not in obj:
        return obj
    kind, value = obj["__type__"], obj["__value__"]
    if kind == "ndarray":
        if isinstance(value, (int, list)):
            return np.array(value)
        return np.load(io.BytesIO(zlib.decompress(base64.standard_b64decode(value))))
    return {"type": kind, "value": value}


result = json.load(open(sys.argv[1], encoding="utf-8"), object_hook=hook)
assert result["type"] == "PrimitiveResult", result
summary = []
for pub in result["value"]["pub_results"]:
    data = pub["value"]["data"]
    assert data["type"] == "DataBin"
    fields = {}
    for name in data["value"]["field_names"]:
        field = data["value"]["fields"][name]
        if isinstance(field, dict) and field.get("type") == "BitArray":
            array, bits = field["value"]["array"], field["value"]["num_bits"]
            # BitArray: uint8, last axis = bytes of one shot, big-endian.
            ints = [int.from_bytes(row.tobytes(), "big") for row in array.reshape(-1, array.shape[-1])]
            counts = {}
            for value in ints:
                counts[format(value, "0{}b".format(bits))] = counts.get(format(value, "0{}b".format(bits)), 0) + 1
            fields[name] = {"dtype": str(array.dtype), "shape": list(array.shape), "num_bits": bits, "counts": counts}
        else:
            fields[name] = {"dtype": str(field.dtype), "shape": list(field.shape), "values": np.asarray(field, dtype=float).ravel().round(6).tolist()}
    summary.append({"type": pub["type"], "shape": data["value"]["shape"], "fields": fields, "metadata": pub["value"]["metadata"]})
print(json.dumps(summary))
