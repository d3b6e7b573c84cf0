// What nearly every file of the module uses; a file adds its own usings for the rest.
global using BranchNetwork.Modules.Audit.Data;
global using BranchNetwork.Modules.Audit.Domain;
global using BranchNetwork.SharedKernel;
global using BranchNetwork.SharedKernel.Authorization;
global using BranchNetwork.SharedKernel.Errors;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
