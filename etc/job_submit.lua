--[[
spank-qrun: binds a Slurm job to the quantum backend it was submitted for (gateway mode).

Install as /etc/slurm/job_submit.lua on the slurmctld host and set JobSubmitPlugins=lua in slurm.conf
(see README.md, "Gateway mode"). slurmctld runs this script, as SlurmUser, for every job submission
(sbatch, salloc, and srun outside an allocation); steps run inside an allocation do not pass through it.

For a job submitted with --q-backend=NAME the spank_ibm_qrun plugin's option reaches slurmctld in the
job's SPANK environment as _SLURM_SPANK_OPTION_spank_ibm_qrun_q_backend=NAME. This script writes

    AdminComment={"qrun":{"backend":"NAME"}}

which a user cannot change afterwards (only root, SlurmUser and operators may update AdminComment).
qrun-gateway serves a job only for the backend recorded there. A submission this script cannot bind is
refused, with a message the user reads at submit time:
  - the backend name is not 1 to 128 letters, digits, '_', '-' or '.' (the plugin refuses such names
    already; this catches requests that did not go through the plugin);
  - the option appears with two different values;
  - the job already carries an AdminComment (it would be overwritten, or would hide the binding).
Jobs without --q-backend are left as they are.
]]

local OPTION_VARIABLE = "_SLURM_SPANK_OPTION_spank_ibm_qrun_q_backend"
local MAX_BACKEND_LENGTH = 128
local PREFIX = "spank_ibm_qrun: "

-- The --q-backend value(s) in the job's SPANK environment. Slurm 22.05 hands spank_job_env over as a
-- table indexed from 0, so pairs, not ipairs.
local function requested_backends(job_desc)
   local found = {}
   local env = job_desc.spank_job_env
   if type(env) ~= "table" then
      return found
   end
   for _, entry in pairs(env) do
      if type(entry) == "string" then
         local name, value = string.match(entry, "^([^=]*)=(.*)$")
         if name == OPTION_VARIABLE then
            table.insert(found, value)
         end
      end
   end
   return found
end

local function valid_backend(name)
   return #name >= 1 and #name <= MAX_BACKEND_LENGTH and string.find(name, "^[%w_%.%-]+$") ~= nil
end

-- A user-supplied value, safe to put in a message: printable ASCII only, at most 64 characters.
local function shown(value)
   local text = string.gsub(string.sub(value, 1, 64), "[^%w%p ]", "?")
   if #value > 64 then
      text = text .. "..."
   end
   return "'" .. text .. "'"
end

-- slurm.log_user formats its first argument: a user-supplied '%' must never reach the format.
local function refuse(message)
   slurm.log_user("%s", PREFIX .. message)
   return slurm.ERROR
end

function slurm_job_submit(job_desc, part_list, submit_uid)
   local backends = requested_backends(job_desc)
   if #backends == 0 then
      return slurm.SUCCESS
   end

   local backend = backends[1]
   for i = 2, #backends do
      if backends[i] ~= backend then
         return refuse("--q-backend is given twice with different values (" .. shown(backend) .. " and "
            .. shown(backends[i]) .. "); give it once")
      end
   end

   if not valid_backend(backend) then
      return refuse("--q-backend=" .. shown(backend) .. " is not a backend name (1 to "
         .. MAX_BACKEND_LENGTH .. " letters, digits, '_', '-' or '.'); nothing was queued")
   end

   if job_desc.admin_comment ~= nil and job_desc.admin_comment ~= "" then
      return refuse("a job submitted with --q-backend cannot carry its own administrator comment: "
         .. "the site records the job's backend there; submit it without --admin-comment")
   end

   job_desc.admin_comment = '{"qrun":{"backend":"' .. backend .. '"}}'
   slurm.log_debug("spank-qrun job_submit: uid %d bound to backend %s", submit_uid, backend)
   return slurm.SUCCESS
end

function slurm_job_modify(job_desc, job_rec, part_list, modify_uid)
   return slurm.SUCCESS
end

return slurm.SUCCESS
