"""
Imports Kinema downloads into Blender with each importer's default options and reports what an animator
would see: skinned meshes, bones, the action's frame range, the scene fps, the character's height and the
world trajectory of a few bones. Run as
    blender -b --factory-startup --python inspectImports.py -- <jobs.json> <results.json>
jobs.json: [{"path", "format": "glb"|"fbx"|"bvh", "fps", "bones": [names], "times": [seconds]}]
One Blender start serves every file (a start costs seconds); the scene is emptied between files.
"""
import builtins
import json
import sys

# Debian's Blender 3.4 runs on Debian's Python and numpy: numpy 1.24 removed the `numpy.bool` alias that the
# 3.4 glTF importer still uses, and Python 3.11 removed the 'U' open mode the 3.4 BVH importer passes.
import numpy
if not hasattr(numpy, "bool"):
    numpy.bool = bool
_open = builtins.open
def _open_without_u(file, mode="r", *args, **kwargs):
    if isinstance(mode, str) and "U" in mode:
        mode = mode.replace("U", "") or "r"
    return _open(file, mode, *args, **kwargs)
builtins.open = _open_without_u

import bpy
from mathutils import Vector

argv = sys.argv[sys.argv.index("--") + 1:]
jobs = json.load(_open(argv[0]))


def empty_scene():
    bpy.ops.wm.read_factory_settings(use_empty=True)


def import_file(job):
    scene = bpy.context.scene
    if job["format"] == "glb":
        # glTF keys are in seconds; the importer turns them into frames at the scene's rate.
        scene.render.fps = int(round(job["fps"]))
        scene.render.fps_base = 1
        bpy.ops.import_scene.gltf(filepath=job["path"])
    elif job["format"] == "fbx":
        bpy.ops.import_scene.fbx(filepath=job["path"])
    elif job["format"] == "bvh":
        bpy.ops.import_anim.bvh(filepath=job["path"])
    else:
        raise ValueError(job["format"])


def inspect(job):
    empty_scene()
    import_file(job)
    scene = bpy.context.scene
    armatures = [o for o in scene.objects if o.type == "ARMATURE"]
    meshes = [o for o in scene.objects if o.type == "MESH"]
    skinned = [m for m in meshes if any(md.type == "ARMATURE" and md.object for md in m.modifiers) and len(m.vertex_groups) > 0]
    actions = [a for a in bpy.data.actions]
    frame_range = None
    keys = 0
    for arm in armatures:
        ad = arm.animation_data
        if ad and ad.action:
            fr = ad.action.frame_range
            frame_range = [fr[0], fr[1]]
            keys = max(len(fc.keyframe_points) for fc in ad.action.fcurves) if ad.action.fcurves else 0
    bone_names = [b.name for arm in armatures for b in arm.data.bones]
    out = {
        "path": job["path"],
        "armatures": len(armatures),
        "bones": len(bone_names),
        "boneNames": bone_names,
        "meshes": len(meshes),
        "skinnedMeshes": len(skinned),
        "actions": len(actions),
        "frameRange": frame_range,
        "maxKeysPerCurve": keys,
        "sceneFps": scene.render.fps / scene.render.fps_base,
        "images": sum(1 for im in bpy.data.images if im.packed_file is not None or im.has_data),
        "traj": {},
        "height": None,
    }
    start = frame_range[0] if frame_range else 1
    # The BVH importer keeps one frame per BVH frame (it leaves the scene's rate alone by default).
    fps = job["fps"] if job["format"] == "bvh" else out["sceneFps"]
    depsgraph = bpy.context.evaluated_depsgraph_get()

    def set_time(t):
        f = start + t * fps
        scene.frame_set(int(f // 1), subframe=f % 1)

    set_time(0)
    # Height at import defaults: the skinned mesh as posed on the first frame, else the skeleton's joints.
    zs = []
    for m in skinned or meshes:
        ev = m.evaluated_get(bpy.context.evaluated_depsgraph_get())
        me = ev.to_mesh()
        mw = m.matrix_world
        zs += [(mw @ v.co).z for v in me.vertices]
        ev.to_mesh_clear()
    if not zs:
        for arm in armatures:
            zs += [(arm.matrix_world @ pb.head).z for pb in arm.pose.bones] + [(arm.matrix_world @ pb.tail).z for pb in arm.pose.bones]
    if zs:
        out["height"] = max(zs) - min(zs)
    for name in job["bones"]:
        arm = next((a for a in armatures if name in a.pose.bones), None)
        if arm is None:
            continue
        pts = []
        for t in job["times"]:
            set_time(t)
            p = arm.matrix_world @ arm.pose.bones[name].head
            pts.append([p.x, p.y, p.z])
        out["traj"][name] = pts
    return out


results = []
for job in jobs:
    try:
        results.append(inspect(job))
    except Exception as e:  # one unreadable file must not hide the others' results
        results.append({"path": job["path"], "error": repr(e)})
json.dump(results, _open(argv[1], "w"))
